/** The VIP onboarding flow: status, candidates, and the user's selection. */
@NullMarked
package dev.officeflow.contacts.onboarding;

import org.jspecify.annotations.NullMarked;

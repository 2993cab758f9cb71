/** HTTP endpoints of the onboarding flow. */
@NullMarked
package dev.officeflow.contacts.onboarding.web;

import org.jspecify.annotations.NullMarked;

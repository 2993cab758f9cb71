/**
 * The contacts service: contact discovery from mail and meetings, VIP scoring, VIP onboarding API.
 */
@NullMarked
package dev.officeflow.contacts;

import org.jspecify.annotations.NullMarked;

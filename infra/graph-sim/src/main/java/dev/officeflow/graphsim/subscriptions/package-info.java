/**
 * Change-notification subscriptions as Graph v1.0 runs them for Outlook mail, events and contacts:
 * {@code /v1.0/subscriptions} with the validation handshake, change notifications with retries,
 * lifecycle notifications, and the {@code /admin/subscriptions} routes that drive them.
 */
@NullMarked
package dev.officeflow.graphsim.subscriptions;

import org.jspecify.annotations.NullMarked;

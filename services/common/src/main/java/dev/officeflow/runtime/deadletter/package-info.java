/**
 * A service's dead letters (ARCHITECTURE §3, "Dead letters"): when the service forgets a user, the
 * user's messages leave its own dead-letter subscriptions too, in the background and retried until
 * done, with the scan setup-pubsub's {@code dead-letters purge-user} uses.
 */
@NullMarked
package dev.officeflow.runtime.deadletter;

import org.jspecify.annotations.NullMarked;

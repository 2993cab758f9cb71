/**
 * Dead letters as an operator and a service handle them (ARCHITECTURE §3, "Dead letters"): what a
 * dead-lettered message says (its reason, its user), and the bounded scans that list, replay and
 * purge a dead-letter subscription through a small port ({@link
 * dev.officeflow.events.deadletter.DeadLetterSubscriptions}) that setup-pubsub and services-common
 * each implement over their own Pub/Sub client. Plain Java: no Pub/Sub client here.
 */
@NullMarked
package dev.officeflow.events.deadletter;

import org.jspecify.annotations.NullMarked;

package dev.officeflow.runtime.consume;

import com.google.api.core.ApiService;

/**
 * One subscription of a {@link ConsumerRuntime}: whether its subscriber pulls, and how many
 * messages it received and has not settled yet.
 *
 * @param subscription the subscription's name (with the service's prefix)
 * @param topic the topic it is attached to
 * @param subscriber the current subscriber's state: {@code RUNNING} while pulling, {@code
 *     TERMINATED} once paused or stopped, {@code NEW} when it was bound during a pause and has not
 *     started yet, {@code FAILED} when the client gave up (a deleted subscription, say)
 * @param inFlight messages received and not yet acked, nacked or dead-lettered
 */
public record SubscriptionStatus(
    String subscription, String topic, ApiService.State subscriber, long inFlight) {}

package dev.officeflow.runtime.consume;

import java.util.List;

/**
 * What a {@link ConsumerRuntime} is doing: the operator's switch and each subscription's
 * subscriber.
 *
 * @param state {@link State#PAUSED} from {@link ConsumerRuntime#pause()} until {@link
 *     ConsumerRuntime#resume()}, {@link State#RUNNING} otherwise
 * @param subscriptions every bound subscription, in the order they were started
 */
public record ConsumerStatus(State state, List<SubscriptionStatus> subscriptions) {

  /** Whether the runtime consumes its subscriptions or holds them paused. */
  public enum State {
    RUNNING,
    PAUSED
  }

  public ConsumerStatus {
    subscriptions = List.copyOf(subscriptions);
  }
}

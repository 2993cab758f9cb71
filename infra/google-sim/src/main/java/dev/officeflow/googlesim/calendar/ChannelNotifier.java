package dev.officeflow.googlesim.calendar;

/** Sends a channel notification; {@code state} is {@code sync} or {@code exists}. */
@FunctionalInterface
public interface ChannelNotifier {
  void notify(Channel channel, String state);
}

package dev.officeflow.events.deadletter;

import dev.officeflow.events.EventAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which dead letters an operator means: by reason (its code, {@code invalid}, or the start of the
 * full reason, {@code invalid: email.}) and by message id (the dead letter's own or the original's,
 * {@code error_message_id}). Empty criteria select everything.
 */
public record DeadLetterFilter(Optional<String> reason, Set<String> messageIds)
    implements Predicate<DeadLetter> {

  public static final DeadLetterFilter ALL = new DeadLetterFilter(Optional.empty(), Set.of());

  public DeadLetterFilter {
    messageIds = Set.copyOf(messageIds);
  }

  @Override
  public boolean test(DeadLetter message) {
    return reasonMatches(message) && idMatches(message);
  }

  private boolean reasonMatches(DeadLetter message) {
    return reason
        .map(r -> message.reasonPrefix().equals(r) || message.reason().startsWith(r))
        .orElse(true);
  }

  private boolean idMatches(DeadLetter message) {
    return messageIds.isEmpty()
        || messageIds.contains(message.messageId())
        || messageIds.contains(message.attributes().get(EventAttributes.ERROR_MESSAGE_ID));
  }
}

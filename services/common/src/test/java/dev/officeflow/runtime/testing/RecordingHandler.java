package dev.officeflow.runtime.testing;

import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/** A handler that records what it receives and answers with a configurable outcome. */
public final class RecordingHandler<E extends OfficeEvent> implements EventHandler<E> {

  /** One call of the handler. */
  public record Call<E>(E event, Delivery delivery) {}

  private final EventType type;
  private final BiFunction<E, Delivery, Outcome> answer;
  private final List<Call<E>> calls = new CopyOnWriteArrayList<>();

  public RecordingHandler(EventType type, BiFunction<E, Delivery, Outcome> answer) {
    this.type = type;
    this.answer = answer;
  }

  public static <E extends OfficeEvent> RecordingHandler<E> accepting(EventType type) {
    return new RecordingHandler<>(type, (event, delivery) -> Outcome.done());
  }

  @Override
  public EventType type() {
    return type;
  }

  @Override
  public Mono<Outcome> handle(E event, Delivery delivery) {
    calls.add(new Call<>(event, delivery));
    return Mono.fromSupplier(() -> answer.apply(event, delivery));
  }

  public List<Call<E>> calls() {
    return List.copyOf(calls);
  }
}

package dev.officeflow.contacts.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Collects items from many concurrent callers into batches: a batch is written when {@code
 * maxItems} wait, when the window since its first item passed, or as soon as a write slot frees up
 * while items wait. Each caller's {@link Mono} completes when its batch was written. When a batch
 * fails, its items are written one by one, so one bad item fails alone. Thread-safe.
 *
 * @param <T> the item
 * @param <R> the batch result
 */
final class BatchingWriter<T, R> {

  private static final Logger log = LoggerFactory.getLogger(BatchingWriter.class);

  private final String name;
  private final Function<List<T>, Mono<R>> write;
  private final DiscoverySettings settings;
  private final Scheduler timer;
  private final Object lock = new Object();
  private List<Pending<T, R>> waiting = new ArrayList<>();
  private int writing;
  private Disposable scheduledFlush;

  BatchingWriter(
      String name, Function<List<T>, Mono<R>> write, DiscoverySettings settings, Scheduler timer) {
    this.name = name;
    this.write = write;
    this.settings = settings;
    this.timer = timer;
  }

  /** Completes with the result of the batch that wrote {@code item}. */
  Mono<R> submit(T item) {
    return Mono.create(sink -> enqueue(new Pending<>(item, sink)));
  }

  private void enqueue(Pending<T, R> pending) {
    List<Pending<T, R>> ready = null;
    synchronized (lock) {
      waiting.add(pending);
      if (waiting.size() >= settings.maxItems() && writing < settings.maxConcurrentWrites()) {
        ready = take();
      } else if (waiting.size() == 1 && scheduledFlush == null) {
        scheduledFlush =
            timer.schedule(this::flushOnTimer, settings.window().toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    if (ready != null) {
      run(ready);
    }
  }

  private void flushOnTimer() {
    List<Pending<T, R>> ready = null;
    synchronized (lock) {
      scheduledFlush = null;
      if (!waiting.isEmpty() && writing < settings.maxConcurrentWrites()) {
        ready = take();
      }
    }
    if (ready != null) {
      run(ready);
    }
  }

  /** Takes up to {@code maxItems} waiting items and claims a write slot; call under the lock. */
  private List<Pending<T, R>> take() {
    List<Pending<T, R>> batch;
    if (waiting.size() <= settings.maxItems()) {
      batch = waiting;
      waiting = new ArrayList<>();
    } else {
      batch = new ArrayList<>(waiting.subList(0, settings.maxItems()));
      waiting = new ArrayList<>(waiting.subList(settings.maxItems(), waiting.size()));
    }
    writing++;
    if (scheduledFlush != null && waiting.isEmpty()) {
      scheduledFlush.dispose();
      scheduledFlush = null;
    }
    return batch;
  }

  private void run(List<Pending<T, R>> batch) {
    List<T> items = batch.stream().map(Pending::item).toList();
    write
        .apply(items)
        .subscribe(
            result -> batch.forEach(p -> p.sink().success(result)),
            error -> fallBack(batch, error),
            () -> {
              batch.forEach(p -> p.sink().success());
              released();
            });
  }

  /** A failed batch is retried item by item, so only the items that fail alone fail. */
  private void fallBack(List<Pending<T, R>> batch, Throwable error) {
    if (batch.size() == 1) {
      batch.get(0).sink().error(error);
      released();
      return;
    }
    log.warn(
        "{}: batch of {} failed ({}), writing items one by one",
        name,
        batch.size(),
        error.toString());
    Flux.fromIterable(batch)
        .concatMap(
            p ->
                write
                    .apply(List.of(p.item()))
                    .doOnNext(r -> p.sink().success(r))
                    .doOnError(e -> p.sink().error(e))
                    .onErrorResume(e -> Mono.empty()))
        .doFinally(signal -> released())
        .subscribe();
  }

  private void released() {
    List<Pending<T, R>> ready = null;
    synchronized (lock) {
      writing--;
      if (!waiting.isEmpty()) {
        ready = take();
      }
    }
    if (ready != null) {
      run(ready);
    }
  }

  private record Pending<T, R>(T item, MonoSink<R> sink) {}
}

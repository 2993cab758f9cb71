package dev.officeflow.runtime.consume;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import reactor.core.scheduler.Schedulers;

/**
 * The bytes of message data the process decodes and handles at once, shared by all its
 * subscriptions: each subscription's flow control bounds what it holds, this bounds what they
 * expand into together (a body decodes to several times its size). A message that does not fit
 * waits, first come first served, and runs once enough is released; one larger than the whole
 * budget runs when nothing else does. Never blocks a thread. Thread-safe.
 */
final class ByteBudget {

  private record Waiter(long bytes, Runnable granted) {}

  private final long capacity;
  private final Deque<Waiter> waiting = new ArrayDeque<>();
  private long used;

  ByteBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Runs {@code granted} once {@code bytes} are reserved: at once when they fit. */
  void acquire(long bytes, Runnable granted) {
    synchronized (this) {
      if (!waiting.isEmpty() || !fits(bytes)) {
        waiting.addLast(new Waiter(bytes, granted));
        return;
      }
      used += bytes;
    }
    granted.run();
  }

  /** Gives back what a finished message reserved, starting the waiters that now fit. */
  void release(long bytes) {
    List<Runnable> start = new ArrayList<>();
    synchronized (this) {
      used -= bytes;
      while (!waiting.isEmpty() && fits(waiting.peekFirst().bytes())) {
        Waiter next = waiting.removeFirst();
        used += next.bytes();
        start.add(next.granted());
      }
    }
    // On another thread, in order: a waiter that settles at once would release again from here,
    // and a long queue would recurse that deep.
    if (!start.isEmpty()) {
      Schedulers.parallel().schedule(() -> start.forEach(Runnable::run));
    }
  }

  synchronized long used() {
    return used;
  }

  synchronized int waiting() {
    return waiting.size();
  }

  long capacity() {
    return capacity;
  }

  private boolean fits(long bytes) {
    return used == 0 || used + bytes <= capacity;
  }
}

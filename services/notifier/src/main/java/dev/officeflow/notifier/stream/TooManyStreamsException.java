package dev.officeflow.notifier.stream;

/** A user already holds the most streams one instance serves them. */
public final class TooManyStreamsException extends RuntimeException {

  public TooManyStreamsException(int max) {
    super("you hold " + max + " open streams already; close one first");
  }
}

package dev.officeflow.notifier.stream;

/** The stream's user was deleted; the stream is closed. */
final class UserForgottenException extends RuntimeException {

  UserForgottenException() {
    super("the stream's user has been deleted", null, false, false);
  }
}

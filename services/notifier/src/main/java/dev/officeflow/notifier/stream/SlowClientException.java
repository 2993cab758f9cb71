package dev.officeflow.notifier.stream;

/** A stream's client left more events unread than its queue holds; the stream is closed. */
final class SlowClientException extends RuntimeException {

  SlowClientException(int queued) {
    super("client left " + queued + " events unread", null, false, false);
  }
}

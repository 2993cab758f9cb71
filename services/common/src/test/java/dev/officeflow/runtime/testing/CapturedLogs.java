package dev.officeflow.runtime.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.officeflow.runtime.trace.LogCorrelation;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger writes while a test runs, each with the MDC of the thread that wrote it
 * (Logback's {@link ListAppender}, the event prepared as an asynchronous appender would). Close it
 * to detach.
 */
public final class CapturedLogs implements AutoCloseable {

  private final Logger logger;
  private final Level level;
  private final ListAppender<ILoggingEvent> appender =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing();
          super.append(event);
        }
      };

  private CapturedLogs(Logger logger) {
    this.logger = logger;
    this.level = logger.getLevel();
    appender.start();
    logger.addAppender(appender);
  }

  /** Captures {@code name}'s lines from debug level up. */
  public static CapturedLogs of(String name) {
    CapturedLogs logs = new CapturedLogs((Logger) LoggerFactory.getLogger(name));
    logs.logger.setLevel(Level.DEBUG);
    return logs;
  }

  public static CapturedLogs of(Class<?> type) {
    return of(type.getName());
  }

  /** The lines so far; copied under the appender's lock, which it appends under. */
  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** The lines with {@code message} that carry {@code traceId} in their MDC. */
  public List<ILoggingEvent> inTrace(String traceId, String message) {
    return events().stream()
        .filter(e -> e.getMessage().equals(message))
        .filter(e -> traceId.equals(e.getMDCPropertyMap().get(LogCorrelation.TRACE_ID)))
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(level);
    appender.stop();
  }
}

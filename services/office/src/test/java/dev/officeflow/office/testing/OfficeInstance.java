package dev.officeflow.office.testing;

import dev.officeflow.office.OfficeApplication;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The office service started in this JVM ({@link ServiceUnderTest}); its internal API through
 * {@link OfficeClient}.
 */
public final class OfficeInstance extends OfficeClient implements AutoCloseable {

  private final ServiceUnderTest service;

  private OfficeInstance(ServiceUnderTest service) {
    super(service.port());
    this.service = service;
  }

  /**
   * Started with {@code properties} (those of {@link OfficeProperties#of} name the catalog and the
   * database) and the test service credential.
   */
  public static OfficeInstance start(Map<String, Object> properties) {
    return new OfficeInstance(office(properties).start());
  }

  /** Started with {@code clock} as the service's clock, in place of the system clock. */
  public static OfficeInstance start(Map<String, Object> properties, Clock clock) {
    return new OfficeInstance(office(properties).bean("testClock", clock).start());
  }

  private static ServiceUnderTest.Builder office(Map<String, Object> properties) {
    return ServiceUnderTest.of(OfficeApplication.class)
        .properties(properties)
        .property("officeflow.security.callers.operator", SERVICE_TOKEN);
  }

  /** The port the instance listens on. */
  public int port() {
    return service.port();
  }

  public ConfigurableApplicationContext context() {
    return service.context();
  }

  public <T> T bean(Class<T> type) {
    return service.bean(type);
  }

  @Override
  public void close() {
    service.close();
  }
}

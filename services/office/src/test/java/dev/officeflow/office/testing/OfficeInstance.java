package dev.officeflow.office.testing;

import dev.officeflow.office.OfficeApplication;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The office service started in this JVM; its internal API through {@link OfficeClient}. */
public final class OfficeInstance extends OfficeClient implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private OfficeInstance(ConfigurableApplicationContext context) {
    super(port(context));
    this.context = context;
  }

  public static OfficeInstance start(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.putIfAbsent("server.port", 0);
    // As arguments: they take precedence over application.yml (builder properties would not).
    return new OfficeInstance(new SpringApplicationBuilder(OfficeApplication.class).run(args(all)));
  }

  /** Started with {@code clock} as the service's {@link Clock} (tests move it by hand). */
  public static OfficeInstance start(Map<String, Object> properties, Clock clock) {
    Map<String, Object> all = new HashMap<>(properties);
    all.putIfAbsent("server.port", 0);
    return new OfficeInstance(
        new SpringApplicationBuilder(OfficeApplication.class)
            .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
            .run(args(all)));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(
        Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}

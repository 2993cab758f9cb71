package dev.officeflow.runtime.testing;

import com.google.cloud.spring.autoconfigure.core.GcpContextAutoConfiguration;
import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubAutoConfiguration;
import dev.officeflow.runtime.config.EmulatorAutoConfiguration;
import dev.officeflow.runtime.config.RuntimeAutoConfiguration;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The runtime's auto-configuration with what it stands on (spring-cloud-gcp's Pub/Sub beans) for
 * {@code ApplicationContextRunner} tests, pointed at addresses nothing is ever asked of, so these
 * tests need no infrastructure. Handlers do not start, and beans are created lazily ({@link
 * #lazily}): the Redis payload store connects when it is created.
 */
public final class OfflineRuntime {

  private OfflineRuntime() {}

  public static AutoConfigurations autoConfigurations() {
    return AutoConfigurations.of(
        EmulatorAutoConfiguration.class,
        GcpContextAutoConfiguration.class,
        GcpPubSubAutoConfiguration.class,
        RuntimeAutoConfiguration.class);
  }

  /** Creates each bean when something asks for it, not when the context starts. */
  public static ApplicationContextInitializer<ConfigurableApplicationContext> lazily() {
    return context ->
        context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
  }

  /** An emulator and a Redis that are never called, and no consumers. */
  public static String[] properties() {
    return new String[] {
      "spring.cloud.gcp.pubsub.emulator-host=127.0.0.1:9",
      "spring.cloud.gcp.project-id=offline",
      "officeflow.redis.url=redis://127.0.0.1:9",
      "officeflow.service.name=sample",
      "officeflow.consumer.enabled=false"
    };
  }
}

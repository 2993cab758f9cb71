package dev.officeflow.runtime.config;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.spring.autoconfigure.core.GcpContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Against the emulator no Google credentials exist or are needed: without this, looking for default
 * credentials logs a warning with a stack trace at every start.
 */
@AutoConfiguration(before = GcpContextAutoConfiguration.class)
@ConditionalOnProperty("spring.cloud.gcp.pubsub.emulator-host")
public class EmulatorCredentialsAutoConfiguration {

  @Bean
  CredentialsProvider googleCredentials() {
    return NoCredentialsProvider.create();
  }
}

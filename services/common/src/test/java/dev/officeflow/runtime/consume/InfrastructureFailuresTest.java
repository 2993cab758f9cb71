package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class InfrastructureFailuresTest {

  @Test
  void aRefusedConnectionDeepInTheCausesIsAnOutage() {
    Throwable wrapped =
        new CompletionException(
            new IllegalStateException("query failed", new ConnectException("Connection refused")));

    assertThat(InfrastructureFailures.isOutage(wrapped)).isTrue();
  }

  @Test
  void redisUnreachableOrSilentIsAnOutage() {
    assertThat(InfrastructureFailures.isOutage(new RedisConnectionException("no route"))).isTrue();
    assertThat(
            InfrastructureFailures.isOutage(
                new RedisCommandTimeoutException("Command timed out after 1 second(s)")))
        .isTrue();
  }

  @Test
  void aTimeoutIsAnOutage() {
    assertThat(InfrastructureFailures.isOutage(new TimeoutException("no answer in 10 s"))).isTrue();
  }

  @Test
  void aHandlersOwnSignalIsAnOutage() {
    assertThat(InfrastructureFailures.isOutage(new DependencyUnavailableException("vespa: 503")))
        .isTrue();
  }

  @Test
  void aBugIsNotAnOutage() {
    assertThat(InfrastructureFailures.isOutage(new IllegalStateException("row has no id")))
        .isFalse();
    assertThat(InfrastructureFailures.isOutage(new NullPointerException())).isFalse();
  }

  @Test
  void httpStatusesOfAnUnavailableDependency() {
    assertThat(InfrastructureFailures.isOutageStatus(503)).isTrue();
    assertThat(InfrastructureFailures.isOutageStatus(0)).isTrue();
    assertThat(InfrastructureFailures.isOutageStatus(429)).isTrue();
    assertThat(InfrastructureFailures.isOutageStatus(400)).isFalse();
    assertThat(InfrastructureFailures.isOutageStatus(500)).isFalse();
  }
}

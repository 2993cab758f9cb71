package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

  @Test
  void aPublicHttpsBaseIsAccepted() {
    assertThat(WebhookUrl.problem("https://office.officeflow.example")).isEmpty();
    assertThat(WebhookUrl.problem("https://office.officeflow.example:8443/base")).isEmpty();
    assertThat(WebhookUrl.problem("https://203.0.113.7")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://localhost",
        "https://127.0.0.1",
        "https://[::1]",
        "https://10.0.0.8",
        "https://172.16.4.4",
        "https://192.168.1.10",
        "https://169.254.169.254",
        "https://[fd00::1]",
        "https://0.0.0.0",
        "https://office",
        "https://office.internal",
        "https://printer.local"
      })
  void aHostGraphCannotReachIsRefused(String url) {
    assertThat(WebhookUrl.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("public"));
  }

  @Test
  void plainHttpUserInfoAndQueriesAreRefused() {
    assertThat(WebhookUrl.problem("http://office.officeflow.example"))
        .contains("must be https (http://office.officeflow.example)");
    assertThat(WebhookUrl.problem("https://a:b@office.officeflow.example")).isPresent();
    assertThat(WebhookUrl.problem("https://office.officeflow.example/#x")).isPresent();
    assertThat(WebhookUrl.problem(" ")).contains("is not set");
    assertThat(WebhookUrl.problem("https://exa mple.com")).isPresent();
  }
}

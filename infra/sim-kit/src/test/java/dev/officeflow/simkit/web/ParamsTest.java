package dev.officeflow.simkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void repeatedNamesKeepEveryValueInOrderAndPlusIsASpace() {
    Params params = Params.parse("a=1&b=x+y&a=2&flag");

    assertThat(params.all("a")).isEqualTo(List.of("1", "2"));
    assertThat(params.first("b")).contains("x y");
    assertThat(params.has("flag")).isTrue();
  }

  @Test
  void aNonNumericIntegerIsABadRequestNamingTheParameter() {
    Params params = Params.parse("%24top=ten");

    assertThatThrownBy(() -> params.integer("$top"))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.parameter()).isEqualTo("$top"));
  }

  @Test
  void aPageTokenRoundTripsAndAForgedOneIsABadRequest() {
    String token = PageTokens.encode("inbox", "40");

    assertThat(PageTokens.decode(token, 2, "$skiptoken")).containsExactly("inbox", "40");
    assertThatThrownBy(() -> PageTokens.decode("not*base64", 2, "$skiptoken"))
        .isInstanceOf(BadRequestException.class);
  }
}

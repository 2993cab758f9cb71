package dev.officeflow.graphsim.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.simkit.web.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SelectTest {

  static final Set<String> KNOWN = Set.of("id", "subject", "from", "isRead");

  @Test
  void namesAreMatchedWithoutRegardToCaseAndSpelledAsTheTypeDoes() {
    assertThat(Select.parse("Subject, ISREAD", KNOWN, "t").fields())
        .containsExactly("subject", "isRead");
  }

  @Test
  void anUnknownNameIsRefusedNamingTheType() {
    assertThatThrownBy(() -> Select.parse("subject,colour", KNOWN, "microsoft.graph.message"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("microsoft.graph.message");
  }

  @Test
  void applyingKeepsIdAndAnnotations() {
    ObjectNode full =
        Json.object()
            .put("@odata.etag", "W/\"x\"")
            .put("id", "1")
            .put("subject", "s")
            .put("isRead", true);

    ObjectNode cut = Select.parse("isRead", KNOWN, "t").apply(full);

    assertThat(List.copyOf(cut.propertyNames())).containsExactly("@odata.etag", "id", "isRead");
  }

  @Test
  void anEmptySelectKeepsEverything() {
    ObjectNode full = Json.object().put("id", "1").put("subject", "s");

    assertThat(Select.parse("", KNOWN, "t").apply(full)).isEqualTo(full);
  }
}

package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.officeflow.events.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Each published event schema is a draft-07 JSON Schema that a consumer's validator can load. */
class EventSchemasTest {

  private static final Schema DRAFT_07 =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theSchemaIsValidAgainstTheDraft07MetaSchema(EventType type) {
    JsonNode schema = ContractSchemas.event(type).getSchemaNode();

    assertThat(schema.path("$schema").stringValue()).isEqualTo(EventSchemas.DRAFT_07);
    assertThat(DRAFT_07.validate(schema)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theSchemaAllowsPropertiesItDoesNotKnowSoReadersCanIgnoreThem(EventType type) {
    JsonNode schema = ContractSchemas.event(type).getSchemaNode();

    assertThat(schema.path("additionalProperties").booleanValue()).isTrue();
    for (JsonNode definition : schema.path("definitions").values()) {
      if (definition.has("properties")) {
        assertThat(definition.path("additionalProperties").booleanValue()).isTrue();
      }
    }
  }
}

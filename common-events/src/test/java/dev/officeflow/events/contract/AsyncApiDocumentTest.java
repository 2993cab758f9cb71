package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.asyncapi.schemas.asyncapi.Reference;
import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.asyncapi.v3._0_0.model.channel.message.Message;
import com.asyncapi.v3._0_0.model.operation.Operation;
import com.asyncapi.v3._0_0.model.operation.OperationAction;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The published AsyncAPI document parses with the AsyncAPI Java model (com.asyncapi:asyncapi-core)
 * and describes the catalog: every topic a channel, every subscription a receive operation, every
 * reference resolving, every message payload a schema file that exists.
 */
class AsyncApiDocumentTest {

  private static final String DOCUMENT = ContractSchemas.resource(ContractDocuments.ASYNCAPI);

  @Test
  void theDocumentParsesAsAsyncApi300() throws IOException {
    AsyncAPI document = parsed();

    assertThat(document.getAsyncapi()).isEqualTo("3.0.0");
    assertThat(document.getInfo().getTitle()).isEqualTo("officeflow");
    assertThat(document.getDefaultContentType()).isEqualTo("application/json");
  }

  @Test
  void everyTopicOfTheCatalogIsAChannelAtItsAddress() throws IOException {
    Set<String> addresses = new HashSet<>();
    for (Object channel : parsed().getChannels().values()) {
      addresses.add(((Channel) channel).getAddress());
    }

    assertThat(addresses).containsExactlyInAnyOrderElementsOf(Catalog.allTopics());
  }

  @Test
  void everySubscriptionIsAReceiveOperationOnItsTopic() throws IOException {
    Map<String, Object> operations = parsed().getOperations();

    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      Operation receive = (Operation) operations.get("receive-" + spec.name());
      assertThat(receive).as(spec.name()).isNotNull();
      assertThat(receive.getAction()).isEqualTo(OperationAction.RECEIVE);
      assertThat(receive.getChannel().getRef()).isEqualTo("#/channels/" + spec.topic());
      assertThat(receive.getDescription()).contains(spec.consumer());
    }
  }

  @Test
  void everyTopicAServicePublishesIsASendOperation() throws IOException {
    Map<String, Object> operations = parsed().getOperations();

    for (EventType type :
        List.of(
            EventType.EMAIL,
            EventType.CALENDAR,
            EventType.CONTACT,
            EventType.INTEGRATION,
            EventType.USER,
            EventType.PROGRESS)) {
      Operation send = (Operation) operations.get("send-" + type.topic());
      assertThat(send).as(type.topic()).isNotNull();
      assertThat(send.getAction()).isEqualTo(OperationAction.SEND);
    }
  }

  @Test
  void everyEventMessagePayloadRefersToASchemaFileThatExists() throws IOException {
    Map<String, Object> messages = parsed().getComponents().getMessages();

    for (EventType type : EventType.values()) {
      Message message = (Message) messages.get(type.eventClass().getSimpleName());
      String ref = ((Reference) message.getPayload()).getRef();
      String file = URI.create(DOCUMENT).resolve(ref).toString();
      assertThat(getClass().getClassLoader().getResource(file)).as(ref).isNotNull();
      assertThat(ContractSchemas.read(file).path("title").stringValue())
          .isEqualTo(type.eventClass().getSimpleName());
    }
  }

  @Test
  void everyReferenceInsideTheDocumentResolves() {
    JsonNode document = ContractSchemas.asyncApi();
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    List<String> dangling = new ArrayList<>();
    for (String ref : refs) {
      if (ref.startsWith("#") && document.at(ref.substring(1)).isMissingNode()) {
        dangling.add(ref);
      }
    }

    assertThat(refs).isNotEmpty();
    assertThat(dangling).isEmpty();
  }

  @Test
  void everyAttributeOfficeflowSetsIsAHeader() throws IllegalAccessException {
    JsonNode schemas = ContractSchemas.asyncApi().path("components").path("schemas");
    Set<String> headers = new HashSet<>();
    for (JsonNode schema : schemas.values()) {
      headers.addAll(schema.path("properties").propertyNames());
    }

    for (Field field : EventAttributes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        assertThat(headers).contains((String) field.get(null));
      }
    }
  }

  @Test
  void everySchemaOfTheDocumentIsValidDraft07() {
    Schema draft07 =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));

    for (JsonNode schema : ContractSchemas.asyncApi().path("components").path("schemas").values()) {
      assertThat(draft07.validate(schema)).isEmpty();
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").stringValue());
    }
    for (JsonNode child : node.values()) {
      collectRefs(child, refs);
    }
  }

  /** Read strictly: a property the AsyncAPI 3.0.0 model does not know fails the test. */
  private static AsyncAPI parsed() throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in =
        AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      return mapper.readValue(in, AsyncAPI.class);
    }
  }
}

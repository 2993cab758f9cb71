package dev.officeflow.events.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.officeflow.events.EventType;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes events as the wire JSON of ARCHITECTURE §4 (snake_case, every field, nulls included) and
 * reads them leniently (unknown fields ignored, {@code Z}/{@code +00:00} timestamps, legacy sync
 * types). Every malformed input ends in one {@link EventValidationException} naming the field.
 * Thread-safe.
 */
public final class EventCodec {

  private static final char REPLACEMENT = '\uFFFD';

  private final JsonMapper mapper;

  public EventCodec() {
    this.mapper = newMapper();
  }

  public byte[] encode(OfficeEvent event) {
    return mapper.writeValueAsBytes(event);
  }

  public OfficeEvent decode(byte[] data, EventType type) {
    return decode(data, type.eventClass());
  }

  public <E extends OfficeEvent> E decode(byte[] data, Class<E> type) {
    return read(data, type);
  }

  /** The JSON of a payload record alone, as stored behind a payload pointer. */
  public byte[] encodePayload(Object payload) {
    return mapper.writeValueAsBytes(payload);
  }

  /** Reads a payload stored behind a pointer; errors name {@code field} as the path's root. */
  public <P> P decodePayload(byte[] data, Class<P> type, String field) {
    try {
      return read(data, type);
    } catch (EventValidationException e) {
      throw e.under(field);
    }
  }

  private <T> T read(byte[] data, Class<T> type) {
    if (data.length == 0) {
      throw new EventValidationException("", "empty message");
    }
    String json = utf8(data);
    try {
      T value = mapper.readValue(json, type);
      if (value == null) {
        throw new EventValidationException("", "not a JSON object");
      }
      return value;
    } catch (JacksonException e) {
      throw DecodingErrors.translate(e);
    }
  }

  /**
   * The body as text, refusing bytes that are not UTF-8. Given bytes, a parser that does not
   * canonicalize names reads them through an InputStreamReader, which turns such bytes into U+FFFD
   * without a word. A leading byte order mark is skipped, as Jackson skips it. The lenient decoder
   * is the fast one (one copy, none for the strict decoder's char buffer); only a body where it put
   * U+FFFD is decoded again strictly, to tell a real U+FFFD from a replaced byte.
   */
  private static String utf8(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) >= 0) {
      text = strictUtf8(data);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String strictUtf8(byte[] data) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EventValidationException("", "not JSON: not valid UTF-8");
    }
  }

  private static JsonMapper newMapper() {
    SimpleModule timestamps = new SimpleModule("officeflow-timestamps");
    timestamps.addSerializer(Instant.class, new InstantWriter());
    timestamps.addDeserializer(Instant.class, new InstantReader());
    // Property names are not canonicalized: display_names is keyed by address, with new ones in
    // nearly every event, and each new name made the parser copy the shared symbol table, which
    // fills up to thousands of entries. A body with three new keys: 65 KB allocated and ~50 us to
    // parse with it, 2 KB and ~3 us without. vespa-loader draining a backlog allocated about 40 %
    // less per event without it.
    JsonFactory factory =
        JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();
    return JsonMapper.builder(factory)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .addModule(timestamps)
        .addModule(new SpreadConstructors())
        .build();
  }

  private static final class InstantWriter extends ValueSerializer<Instant> {
    @Override
    public void serialize(
        Instant value, tools.jackson.core.JsonGenerator gen, SerializationContext c) {
      gen.writeString(Timestamps.format(value));
    }
  }

  private static final class InstantReader extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw new EventValidationException("", "not a timestamp string");
      }
      return Timestamps.parse(parser.getString());
    }
  }
}

package dev.officeflow.events.contract;

import dev.officeflow.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes officeflow's published contract: {@code schemas/<EventType>.schema.json} for each event
 * type and {@code asyncapi.json}. The checked-in copies live in common-events under {@code
 * src/main/resources/contract/} (so they ship in the jar as {@code contract/...}); {@code
 * ContractDocumentsTest} fails when they differ from what this writes.
 *
 * <p>Run {@code ContractDocuments <dir> <version>}, or from the repository root {@value
 * #REGENERATE}.
 */
public final class ContractDocuments {

  /** The documents' folder on the classpath, and under {@code src/main/resources}. */
  public static final String RESOURCE_DIR = "contract";

  public static final String ASYNCAPI = "asyncapi.json";

  public static final String SCHEMAS = "schemas";

  /** The command that regenerates the checked-in documents, run from the repository root. */
  public static final String REGENERATE = "mvn -B -pl common-events -Pcontract process-classes";

  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .build()
          .writer()
          .with(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ContractDocuments() {}

  /** Writes the documents into {@code args[0]} for project version {@code args[1]}. */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ContractDocuments <dir> <version>");
    }
    write(Path.of(args[0]), args[1]);
  }

  /**
   * Every document as text, by its path relative to the contract folder ({@code asyncapi.json},
   * {@code schemas/EmailEvent.schema.json}, ...).
   */
  public static SortedMap<String, String> render(String version) {
    SortedMap<String, String> documents = new TreeMap<>();
    for (EventType type : EventType.values()) {
      documents.put(
          SCHEMAS + "/" + AsyncApiDocument.schemaFile(type), text(EventSchemas.schema(type)));
    }
    documents.put(ASYNCAPI, text(AsyncApiDocument.build(version)));
    return documents;
  }

  /** Writes every document under {@code dir}, removing schema files no event type has any more. */
  public static void write(Path dir, String version) {
    Map<String, String> documents = render(version);
    try {
      Files.createDirectories(dir.resolve(SCHEMAS));
      try (Stream<Path> existing = Files.list(dir.resolve(SCHEMAS))) {
        for (Path file : existing.toList()) {
          if (!documents.containsKey(SCHEMAS + "/" + file.getFileName())) {
            Files.delete(file);
          }
        }
      }
      for (Map.Entry<String, String> document : documents.entrySet()) {
        Files.writeString(
            dir.resolve(document.getKey()), document.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the contract to " + dir, e);
    }
  }

  private static String text(JsonNode document) {
    return WRITER.writeValueAsString(document) + "\n";
  }
}

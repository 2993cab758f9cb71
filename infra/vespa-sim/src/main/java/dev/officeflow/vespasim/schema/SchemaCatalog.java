package dev.officeflow.vespasim.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The document types of an application package, read from its {@code *.sd} files. Immutable. */
public final class SchemaCatalog {

  private final Map<String, DocumentSchema> types;
  private final Map<String, SearchSchema> searching;

  private SchemaCatalog(Map<String, DocumentSchema> types, Map<String, SearchSchema> searching) {
    this.types = Collections.unmodifiableMap(new TreeMap<>(types));
    this.searching = Map.copyOf(searching);
  }

  /** Reads every {@code .sd} file directly in {@code schemasDir}. */
  public static SchemaCatalog load(Path schemasDir) {
    Map<String, DocumentSchema> types = new TreeMap<>();
    Map<String, SearchSchema> searching = new TreeMap<>();
    for (Path file : schemaFiles(schemasDir)) {
      String source = read(file);
      DocumentSchema schema = SdParser.parse(source, file.toString());
      types.put(schema.name(), schema);
      searching.put(schema.name(), SearchSdParser.parse(schema.name(), source));
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException("No .sd files in " + schemasDir.toAbsolutePath());
    }
    return new SchemaCatalog(types, searching);
  }

  /** A catalog of the given types, for tests; none of them is searchable. */
  public static SchemaCatalog of(DocumentSchema... schemas) {
    Map<String, DocumentSchema> types = new TreeMap<>();
    for (DocumentSchema schema : schemas) {
      types.put(schema.name(), schema);
    }
    return new SchemaCatalog(types, Map.of());
  }

  /** What the schema of {@code doctype} says about searching, when it was read from a file. */
  public Optional<SearchSchema> searching(String doctype) {
    return Optional.ofNullable(searching.get(doctype));
  }

  public Optional<DocumentSchema> find(String doctype) {
    return Optional.ofNullable(types.get(doctype));
  }

  public Set<String> doctypes() {
    return types.keySet();
  }

  private static Iterable<Path> schemaFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".sd")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list schemas in " + dir.toAbsolutePath(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}

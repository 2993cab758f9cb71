package dev.officeflow.vespasim;

import dev.officeflow.vespasim.schema.DocumentSchema;
import dev.officeflow.vespasim.schema.SchemaCatalog;
import dev.officeflow.vespasim.selection.Selection;
import dev.officeflow.vespasim.selection.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the content cluster keeps, from {@code services.xml} beside the schemas: each {@code
 * <document type="..." selection="..."/>} and whether {@code <documents
 * garbage-collection="true">}. As in Vespa, a put the selection would not keep is dropped (answered
 * 200, nothing stored), and garbage collection removes the stored documents the selection no longer
 * keeps; Vespa runs it hourly, the sim when asked ({@link VespaSim#collectGarbage}). Without a
 * {@code services.xml} every document is kept. Immutable.
 */
final class ClusterSelections {

  /** The cluster name hits carry as {@code source} when services.xml names none. */
  static final String DEFAULT_CLUSTER = "content";

  private final Map<String, Selection> byType;
  private final boolean garbageCollection;
  private final Set<String> storeOnly;
  private final String cluster;

  private ClusterSelections(
      Map<String, Selection> byType,
      boolean garbageCollection,
      Set<String> storeOnly,
      String cluster) {
    this.byType = Map.copyOf(byType);
    this.garbageCollection = garbageCollection;
    this.storeOnly = Set.copyOf(storeOnly);
    this.cluster = cluster;
  }

  /**
   * Reads {@code services.xml}, when it exists; a selection that does not parse or names a field
   * its type does not have fails here, as a deploy would.
   */
  static ClusterSelections load(Path servicesXml, SchemaCatalog schemas) {
    if (!Files.isRegularFile(servicesXml)) {
      return new ClusterSelections(Map.of(), false, Set.of(), DEFAULT_CLUSTER);
    }
    org.w3c.dom.Document xml = parse(servicesXml);
    Map<String, Selection> byType = new HashMap<>();
    Set<String> storeOnly = new HashSet<>();
    String cluster = DEFAULT_CLUSTER;
    boolean collect = false;
    NodeList documentsElements = xml.getElementsByTagName("documents");
    for (int i = 0; i < documentsElements.getLength(); i++) {
      Element documents = (Element) documentsElements.item(i);
      collect |= "true".equals(documents.getAttribute("garbage-collection"));
      if (documents.getParentNode() instanceof Element content && content.hasAttribute("id")) {
        cluster = content.getAttribute("id");
      }
      NodeList types = documents.getElementsByTagName("document");
      for (int j = 0; j < types.getLength(); j++) {
        Element type = (Element) types.item(j);
        String doctype = type.getAttribute("type");
        String selection = type.getAttribute("selection");
        if (!selection.isBlank()) {
          byType.put(doctype, parse(doctype, selection, schemas));
        }
        if ("store-only".equals(type.getAttribute("mode"))) {
          storeOnly.add(doctype);
        }
      }
    }
    return new ClusterSelections(byType, collect, storeOnly, cluster);
  }

  /** Whether queries may search {@code doctype}: every type but the store-only ones. */
  boolean searchable(String doctype) {
    return !storeOnly.contains(doctype);
  }

  /** The content cluster's id, what Vespa writes as a hit's {@code source}. */
  String cluster() {
    return cluster;
  }

  /** Whether the cluster keeps this document at {@code now}. */
  boolean keeps(DocumentId id, ObjectNode fields, Instant now) {
    Selection selection = byType.get(id.doctype());
    return selection == null
        || selection.matches(new Subject(id.toString(), id.doctype(), id.group(), fields, now));
  }

  /** The selection of one document type, if services.xml gives one. */
  Optional<Selection> selection(String doctype) {
    return Optional.ofNullable(byType.get(doctype));
  }

  /** Whether {@code garbage-collection="true"}: only then does collecting remove anything. */
  boolean garbageCollection() {
    return garbageCollection;
  }

  private static Selection parse(String doctype, String text, SchemaCatalog schemas) {
    DocumentSchema schema =
        schemas
            .find(doctype)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "services.xml names document type '" + doctype + "' without a schema"));
    try {
      return DocumentApi.selection(text, schema);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "services.xml: bad selection for '" + doctype + "': " + e.getMessage(), e);
    }
  }

  private static org.w3c.dom.Document parse(Path servicesXml) {
    try (InputStream in = Files.newInputStream(servicesXml)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException
        | javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException e) {
      throw new IllegalArgumentException("Cannot read " + servicesXml, e);
    }
  }
}

package dev.officeflow.googlesim.people;

import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of a People list call, checked as Google checks them: the field mask is required
 * and made of documented paths, {@code pageSize} is 1–1000 (0 or absent means 100; larger values
 * are capped), {@code sources} and {@code sortOrder} take their enum values. The fingerprint is
 * what a page or sync token must have been issued for.
 *
 * @param mask the requested fields of each person
 */
record PeopleRequest(Set<String> mask, int pageSize, String fingerprint) {

  private static final Set<String> SORT_ORDERS =
      Set.of(
          "LAST_MODIFIED_ASCENDING",
          "LAST_MODIFIED_DESCENDING",
          "FIRST_NAME_ASCENDING",
          "LAST_NAME_ASCENDING");

  private static final String PROFILE = "READ_SOURCE_TYPE_PROFILE";
  private static final String CONTACT = "READ_SOURCE_TYPE_CONTACT";

  static PeopleRequest parse(PeopleSource source, Params p) {
    Set<String> sources = sources(source, p);
    Set<String> mask = mask(source, p, sources.contains(PROFILE));
    int size = pageSize(p);
    String sort = p.firstOr("sortOrder", "");
    if (source == PeopleSource.CONNECTIONS && !sort.isEmpty() && !SORT_ORDERS.contains(sort)) {
      throw new BadRequestException(
          "Invalid value at 'sort_order' (type.googleapis.com/google.people.v1.ListConnectionsRequest.SortOrder), \""
              + sort
              + "\"",
          "sortOrder");
    }
    String fingerprint =
        Integer.toHexString(
            String.join(",", mask).concat("|" + size + "|" + sources + "|" + sort).hashCode());
    return new PeopleRequest(mask, size, fingerprint);
  }

  private static Set<String> mask(PeopleSource source, Params p, boolean profile) {
    String raw = p.firstOr(source.maskParameter(), "").trim();
    if (raw.isEmpty()) {
      throw new BadRequestException(
          source.maskParameter()
              + " mask is required. Please specify one or more valid paths. Valid paths are"
              + " documented at "
              + source.reference()
              + ".",
          source.maskParameter());
    }
    Set<String> fields = new TreeSet<>();
    for (String path : raw.split(",")) {
      String field = path.trim().replaceFirst("^person\\.", "");
      if (!source.validFields(profile).contains(field)) {
        throw new BadRequestException(
            "Invalid "
                + source.maskParameter()
                + " mask path: \""
                + path.trim()
                + "\". Valid paths are documented at "
                + source.reference()
                + ".",
            source.maskParameter());
      }
      fields.add(field);
    }
    return fields;
  }

  private static int pageSize(Params p) {
    int size = p.integer("pageSize").orElse(0);
    if (size < 0) {
      throw new BadRequestException(
          "Invalid pageSize: " + size + ". Valid values are between 1 and 1000.", "pageSize");
    }
    return size == 0
        ? PeopleListing.DEFAULT_PAGE_SIZE
        : Math.min(size, PeopleListing.MAX_PAGE_SIZE);
  }

  /** The requested source types; connections default to contact + profile, others to contact. */
  private static Set<String> sources(PeopleSource source, Params p) {
    List<String> given = p.all("sources");
    Set<String> allowed =
        source == PeopleSource.CONNECTIONS
            ? Set.of(CONTACT, PROFILE, "READ_SOURCE_TYPE_DOMAIN_CONTACT")
            : Set.of(CONTACT, PROFILE);
    Set<String> out = new TreeSet<>();
    for (String s : given) {
      out.addAll(Arrays.asList(s.split(",")));
    }
    if (!allowed.containsAll(out)) {
      throw new BadRequestException("Invalid sources: " + out + ".", "sources");
    }
    if (source == PeopleSource.OTHER_CONTACTS && out.contains(PROFILE) && !out.contains(CONTACT)) {
      throw new BadRequestException(
          "READ_SOURCE_TYPE_PROFILE requires READ_SOURCE_TYPE_CONTACT.", "sources");
    }
    if (out.isEmpty()) {
      out.add(CONTACT);
      if (source == PeopleSource.CONNECTIONS) {
        out.add(PROFILE);
      }
    }
    return out;
  }
}

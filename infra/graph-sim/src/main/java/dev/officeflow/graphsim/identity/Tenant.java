package dev.officeflow.graphsim.identity;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one directory (tenant) the simulator signs everybody into, and the names its endpoints answer
 * under: its id, or {@code common} / {@code organizations} as a multi-tenant app calls them. The
 * issuer of every token is {@code <base><tenant id>/v2.0}, as Entra's v2.0 tokens name theirs.
 */
public final class Tenant {

  /** The sim's default tenant id: fixed, so configurations and tests can name it. */
  public static final String DEFAULT_ID =
      UUID.nameUUIDFromBytes(
              "graph-sim.officeflow.test".getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .toString();

  private static final Set<String> MULTI = Set.of("common", "organizations");

  private final String id;
  private final Supplier<String> base;

  /**
   * @param base the public base URL with a trailing slash, asked for each time (a simulator on port
   *     0 knows it only once it listens)
   */
  public Tenant(String id, Supplier<String> base) {
    this.id = id.toLowerCase(Locale.ROOT);
    this.base = base;
  }

  public String id() {
    return id;
  }

  /** The path segments the identity endpoints answer under. */
  public Set<String> pathNames() {
    return Set.of(id, "common", "organizations");
  }

  public boolean answersTo(String pathName) {
    String lower = pathName.toLowerCase(Locale.ROOT);
    return lower.equals(id) || MULTI.contains(lower);
  }

  public String base() {
    return base.get();
  }

  /** {@code <base><tenant id>/v2.0}: the {@code iss} of every id_token. */
  public String issuer() {
    return base() + id + "/v2.0";
  }

  /**
   * The issuer a discovery document under {@code pathName} states: for {@code common} and {@code
   * organizations} Entra publishes the template with {@code {tenantid}} in place of the id.
   */
  public String issuerFor(String pathName) {
    return MULTI.contains(pathName.toLowerCase(Locale.ROOT))
        ? base() + "{tenantid}/v2.0"
        : issuer();
  }
}

package dev.officeflow.graphsim.identity;

import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The identity platform's endpoints under {@code /{tenant}} (the tenant's id, {@code common} or
 * {@code organizations}): {@code oauth2/v2.0/authorize}, {@code oauth2/v2.0/token}, {@code
 * discovery/v2.0/keys}, {@code v2.0/.well-known/openid-configuration} and MSAL's {@code
 * discovery/instance}.
 */
final class IdentityApi implements Handler {

  private final IdentityPlatform platform;
  private final AuthorizeEndpoint authorize;
  private final TokenEndpoint token;

  IdentityApi(IdentityPlatform platform) {
    this.platform = platform;
    this.authorize = new AuthorizeEndpoint(platform);
    this.token = new TokenEndpoint(platform);
  }

  @Override
  public SimResponse handle(SimRequest r) {
    String path = r.path().substring(1);
    int slash = path.indexOf('/');
    String tenantName = slash < 0 ? path : path.substring(0, slash);
    String rest = slash < 0 ? "" : path.substring(slash + 1);
    if (!platform.tenant().answersTo(tenantName)) {
      return platform
          .errors()
          .error(r, 400, "invalid_tenant", 90002, "Tenant '" + tenantName + "' not found.");
    }
    return switch (rest) {
      case "oauth2/v2.0/authorize" -> authorize.authorize(r.query());
      case "oauth2/v2.0/token" -> token.token(r);
      case "discovery/v2.0/keys" -> SimResponse.ok(platform.jwks());
      case "discovery/instance" -> SimResponse.ok(instanceDiscovery(tenantName));
      case "v2.0/.well-known/openid-configuration" ->
          SimResponse.ok(openIdConfiguration(tenantName));
      default ->
          platform
              .errors()
              .error(
                  r,
                  404,
                  "invalid_request",
                  900561,
                  "The identity platform has no endpoint " + r.path() + ".");
    };
  }

  /**
   * MSAL's instance discovery: the sim is its own (and only) cloud, so a client that validates its
   * authority finds the sim's host as the preferred network and cache.
   */
  private ObjectNode instanceDiscovery(String tenantName) {
    String base = platform.tenant().base();
    String host = java.net.URI.create(base).getAuthority();
    ObjectNode doc =
        Json.object()
            .put(
                "tenant_discovery_endpoint",
                base + tenantName + "/v2.0/.well-known/openid-configuration")
            .put("api-version", "1.1");
    ObjectNode cloud =
        doc.putArray("metadata")
            .addObject()
            .put("preferred_network", host)
            .put("preferred_cache", host);
    cloud.putArray("aliases").add(host);
    return doc;
  }

  /** The discovery document, with the fields Entra publishes that clients read. */
  private ObjectNode openIdConfiguration(String tenantName) {
    String base = platform.tenant().base() + tenantName;
    ObjectNode doc =
        Json.object()
            .put("token_endpoint", base + "/oauth2/v2.0/token")
            .put("jwks_uri", base + "/discovery/v2.0/keys")
            .put("issuer", platform.tenant().issuerFor(tenantName))
            .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
            .put("userinfo_endpoint", platform.tenant().base() + "oidc/userinfo")
            .put("request_uri_parameter_supported", false)
            .put("http_logout_supported", true)
            .put("frontchannel_logout_supported", true)
            .put("end_session_endpoint", base + "/oauth2/v2.0/logout")
            .put("tenant_region_scope", "EU")
            .put("cloud_instance_name", "microsoftonline.com")
            .put("cloud_graph_host_name", "graph.windows.net")
            .put("msgraph_host", "graph.microsoft.com");
    strings(
        doc.putArray("token_endpoint_auth_methods_supported"),
        "client_secret_post",
        "private_key_jwt",
        "client_secret_basic");
    strings(doc.putArray("response_modes_supported"), "query", "fragment", "form_post");
    strings(doc.putArray("subject_types_supported"), "pairwise");
    strings(doc.putArray("id_token_signing_alg_values_supported"), "RS256");
    strings(
        doc.putArray("response_types_supported"),
        "code",
        "id_token",
        "code id_token",
        "id_token token");
    strings(doc.putArray("scopes_supported"), "openid", "profile", "email", "offline_access");
    strings(doc.putArray("code_challenge_methods_supported"), "plain", "S256");
    strings(doc.putArray("grant_types_supported"), "authorization_code", "refresh_token");
    strings(
        doc.putArray("claims_supported"),
        "sub",
        "iss",
        "cloud_instance_name",
        "cloud_instance_host_name",
        "cloud_graph_host_name",
        "msgraph_host",
        "aud",
        "exp",
        "iat",
        "auth_time",
        "acr",
        "nonce",
        "preferred_username",
        "name",
        "tid",
        "ver",
        "at_hash",
        "c_hash",
        "email");
    return doc;
  }

  private static void strings(ArrayNode array, String... values) {
    for (String v : values) {
      array.add(v);
    }
  }
}

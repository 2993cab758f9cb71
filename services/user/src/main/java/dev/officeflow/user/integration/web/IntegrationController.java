package dev.officeflow.user.integration.web;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.integration.Disconnection;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.session.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's integrations: list them, disconnect one. */
@RestController
@Tag(name = "integrations", description = "The caller's provider integrations")
public class IntegrationController {

  private final Integrations integrations;
  private final Disconnection disconnection;
  private final EventTransactions transactions;

  IntegrationController(
      Integrations integrations, Disconnection disconnection, EventTransactions transactions) {
    this.integrations = integrations;
    this.disconnection = disconnection;
    this.transactions = transactions;
  }

  @GetMapping("/v1/integrations")
  @Operation(summary = "The caller's integrations, as `{\"integrations\": [...]}`")
  Mono<Map<String, List<IntegrationView>>> list(@AuthenticationPrincipal Jwt jwt) {
    return integrations
        .list(CurrentUser.id(jwt))
        .map(IntegrationView::of)
        .collectList()
        .map(views -> Map.of("integrations", views));
  }

  @DeleteMapping("/v1/integrations/{provider}")
  @Operation(
      summary = "Disconnects a provider: revokes the grant there, deletes tokens and integration",
      description =
          "Answers `{\"provider\", \"status\": \"deleted\", \"provider_revoked\"}`."
              + " `provider_revoked` is false when the provider could not be reached, and always"
              + " for Microsoft, which has no revocation endpoint: the grant is forgotten here"
              + " (tokens deleted, the audit log says so).")
  @ApiResponse(responseCode = "200", description = "Disconnected.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "Not connected: `integration_not_found`.")
  Mono<Map<String, Object>> disconnect(
      @AuthenticationPrincipal Jwt jwt, @PathVariable String provider) {
    String userId = CurrentUser.id(jwt);
    return integrations
        .find(userId, provider)
        .switchIfEmpty(Mono.error(() -> notConnected(provider)))
        .flatMap(
            integration ->
                disconnection
                    .revokeAtProvider(integration)
                    .flatMap(
                        atProvider ->
                            transactions
                                .run(
                                    events -> disconnection.delete(integration, atProvider, events))
                                .thenReturn(
                                    Map.<String, Object>of(
                                        "provider",
                                        provider,
                                        "status",
                                        "deleted",
                                        "provider_revoked",
                                        atProvider.revoked()))));
  }

  private static ApiException notConnected(String provider) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "integration_not_found", "no " + provider + " integration");
  }
}

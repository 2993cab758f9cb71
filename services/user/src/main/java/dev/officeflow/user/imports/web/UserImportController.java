package dev.officeflow.user.imports.web;

import dev.officeflow.user.imports.UserImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/users/import}: the operator imports one user of the reference services,
 * with the id they have there, and their integrations (ARCHITECTURE §2; issue 25's migration). The
 * runtime's filter has refused every caller but the operator ({@code ImportConfiguration}).
 */
@RestController
@Tag(name = "import", description = "Users and integrations imported from the reference services")
public class UserImportController {

  private final UserImport imports;

  UserImportController(UserImport imports) {
    this.imports = imports;
  }

  @PostMapping("/internal/users/import")
  @Operation(
      operationId = "importUser",
      summary = "Imports a user of the reference services with their id and integrations",
      description =
          "All of the user or nothing. Creates what is missing and never overwrites: a repeated"
              + " import answers 200 with everything `unchanged` (`changed` false); an integration"
              + " held here with other data (tokens refreshed since) is `kept`. Tokens are stored"
              + " encrypted. Without `announce`, nothing is announced: the reference services"
              + " have backfilled these users already.")
  @ApiResponse(
      responseCode = "201",
      description = "Something was created.",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "200",
      description = "Everything was there already.",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description =
          "A field missing or out of bounds (a `user_id` that is not a user id, an address, a"
              + " provider, a status, a token, a scope): `invalid_request`.")
  @ApiResponse(
      responseCode = "403",
      description = "A user token or a service rather than the operator: `forbidden`.")
  @ApiResponse(
      responseCode = "409",
      description =
          "The address belongs to another user here (`email_in_use`, `existing_user_id`), or the"
              + " id exists here with another address (`user_conflict`).")
  @ApiResponse(responseCode = "410", description = "The user was deleted here: `user_forgotten`.")
  Mono<ResponseEntity<UserImportResponse>> importUser(
      @RequestBody UserImportRequest request,
      @Parameter(
              description =
                  "Announce each active integration created (`IntegrationEvent(create)`): the"
                      + " office then backfills it. Default false.")
          @RequestParam(defaultValue = "false")
          boolean announce) {
    return Mono.defer(() -> imports.importUser(ImportRequests.check(request), announce))
        .map(
            report ->
                ResponseEntity.status(report.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(UserImportResponse.of(report)));
  }
}

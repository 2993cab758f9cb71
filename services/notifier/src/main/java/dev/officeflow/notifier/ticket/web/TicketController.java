package dev.officeflow.notifier.ticket.web;

import dev.officeflow.notifier.ticket.StreamTickets;
import dev.officeflow.notifier.ticket.TicketSettings;
import dev.officeflow.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Issues stream tickets to the user of the bearer token. */
@RestController
@Tag(name = "stream", description = "The caller's live updates as Server-Sent Events")
public class TicketController {

  private final StreamTickets tickets;
  private final TicketSettings settings;

  TicketController(StreamTickets tickets, TicketSettings settings) {
    this.tickets = tickets;
    this.settings = settings;
  }

  /**
   * A ticket for {@code GET /v1/stream?ticket=}.
   *
   * @param ticket opaque, for the caller alone
   * @param expiresAt when it stops opening streams
   * @param expiresInSeconds the same as seconds from now
   */
  record IssuedTicket(String ticket, Instant expiresAt, long expiresInSeconds) {

    @Override
    public String toString() {
      // The web layer logs what it encodes at debug ("Encoding [...]"): never the ticket.
      return "IssuedTicket[expiresAt=" + expiresAt + "]";
    }
  }

  @PostMapping("/v1/stream-tickets")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "A short-lived ticket that opens the caller's event stream",
      description =
          "EventSource cannot send an Authorization header, and a JWT in a URL would be logged by"
              + " proxies. The ticket opens `GET /v1/stream` for the caller, as often as needed"
              + " (EventSource reconnects by itself) until it expires; after that the stream"
              + " answers 401 and the page asks for a new ticket.")
  @ApiResponse(responseCode = "201", description = "The ticket.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "429", description = "The caller holds too many unexpired tickets.")
  Mono<IssuedTicket> issue(@AuthenticationPrincipal Jwt jwt) {
    return tickets
        .issue(jwt.getSubject())
        .map(
            t ->
                new IssuedTicket(
                    t.ticket(), t.expiresAt(), Math.max(1, settings.ttl().toSeconds())))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too_many_tickets",
                        "you hold "
                            + settings.maxPerUser()
                            + " unexpired stream tickets; use one of them or wait until they"
                            + " expire")));
  }
}

package dev.officeflow.user.connect;

import java.time.Instant;

/** A started authorization: where to send the browser, and until when the state is good. */
public record Authorization(String authorizationUrl, String state, Instant expiresAt) {}

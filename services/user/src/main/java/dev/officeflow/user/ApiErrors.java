package dev.officeflow.user;

import dev.officeflow.user.crypto.TokenDecryptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error as {@code {"error": code, "message": text, ...details}}, the shape the runtime's
 * service-credential filter answers with too.
 */
@RestControllerAdvice
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(UserApiException.class)
  ResponseEntity<Map<String, Object>> userApi(UserApiException e) {
    return body(e.status(), e.error(), e.getMessage(), e.details());
  }

  /** A stored token that does not decrypt: a key is missing or the row was tampered with. */
  @ExceptionHandler(TokenDecryptionException.class)
  ResponseEntity<Map<String, Object>> undecryptable(TokenDecryptionException e) {
    log.error("stored provider token does not decrypt: {}", e.getMessage());
    return body(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "token_decryption_failed",
        "the stored provider token cannot be decrypted; the user may need to connect again",
        Map.of());
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<Map<String, Object>> badInput(ServerWebInputException e) {
    return body(HttpStatus.BAD_REQUEST, "invalid_request", e.getReason(), Map.of());
  }

  private static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String error, String message, Map<String, Object> details) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", error);
    out.put("message", message == null ? status.getReasonPhrase() : message);
    out.putAll(details);
    return ResponseEntity.status(status).body(out);
  }
}

package dev.officeflow.contacts.onboarding.web;

import dev.officeflow.contacts.onboarding.InvalidRequestException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Every API error is JSON {@code {"error": "...", "message": "..."}}. */
@RestControllerAdvice
class ApiErrors {

  /** The error body; {@code offending} names the entries at fault, when there are any. */
  record ApiError(String error, String message, List<String> offending) {}

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ApiError> invalid(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(new ApiError(e.error(), e.getMessage(), e.offending()));
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ApiError> unreadable(ServerWebInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(
            new ApiError(
                "bad_request",
                e.getReason() == null ? "unreadable request" : e.getReason(),
                List.of()));
  }
}

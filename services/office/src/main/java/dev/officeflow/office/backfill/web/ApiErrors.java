package dev.officeflow.office.backfill.web;

import dev.officeflow.office.backfill.JobConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Errors of the internal backfill API as {@code {"error", "message", "job_id"?}}. */
@RestControllerAdvice(assignableTypes = BackfillController.class)
class ApiErrors {

  record ApiError(String error, String message, @Nullable String jobId) {}

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(new ApiError("bad_request", e.getMessage(), null));
  }

  /** Unreadable JSON, a wrong type, a missing body. */
  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ApiError> unreadable(ServerWebInputException e) {
    String detail = e.getMostSpecificCause().getMessage();
    String message = e.getReason() + (detail == null ? "" : ": " + firstLine(detail));
    return ResponseEntity.badRequest().body(new ApiError("bad_request", message, null));
  }

  @ExceptionHandler(JobConflictException.class)
  ResponseEntity<ApiError> conflict(JobConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ApiError("conflict", e.getMessage(), e.job().id().toString()));
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}

package dev.officeflow.office.backfill.web;

import dev.officeflow.office.backfill.BackfillService;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /internal/backfill}: start (201, or 409 when the user has an active job), read, list by
 * user, cancel (409 when the job has finished). The runtime's service-credential filter guards
 * every path here.
 */
@RestController
@RequestMapping("/internal/backfill")
class BackfillController {

  private final BackfillService service;

  BackfillController(BackfillService service) {
    this.service = service;
  }

  @PostMapping("/start")
  Mono<ResponseEntity<JobView>> start(@RequestBody(required = false) @Nullable StartRequest body) {
    if (body == null) {
      return Mono.error(new IllegalArgumentException("a JSON body with user_id is required"));
    }
    return service
        .start(body.toRequest())
        .map(JobView::of)
        .map(v -> ResponseEntity.created(URI.create("/internal/backfill/" + v.jobId())).body(v));
  }

  @GetMapping("/{jobId}")
  Mono<ResponseEntity<JobView>> get(@PathVariable String jobId) {
    return service
        .find(id(jobId))
        .map(job -> ResponseEntity.ok(JobView.of(job)))
        .switchIfEmpty(Mono.fromSupplier(() -> ResponseEntity.notFound().build()));
  }

  @GetMapping
  Mono<JobList> list(@RequestParam(name = "user_id", required = false) @Nullable String userId) {
    if (userId == null || userId.isBlank()) {
      return Mono.error(new IllegalArgumentException("the user_id query parameter is required"));
    }
    return service.list(userId).map(JobView::of).collectList().map(JobList::new);
  }

  @DeleteMapping("/{jobId}")
  Mono<ResponseEntity<JobView>> cancel(@PathVariable String jobId) {
    return service
        .cancel(id(jobId))
        .map(job -> ResponseEntity.ok(JobView.of(job)))
        .switchIfEmpty(Mono.fromSupplier(() -> ResponseEntity.notFound().build()));
  }

  /** A user's jobs, newest first. */
  record JobList(List<JobView> jobs) {}

  private static UUID id(String jobId) {
    try {
      return UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("job id '" + jobId + "' is not a uuid");
    }
  }
}

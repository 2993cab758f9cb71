package dev.officeflow.office.backfill.web;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.backfill.BackfillSources;
import dev.officeflow.office.backfill.JobConflictException;
import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.runtime.web.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * user, cancel (409 when the job has finished), restart a failed job from its checkpoint (409 when
 * it has not failed or another job is active). The runtime's service-credential filter guards every
 * path here. Errors are problems: {@code invalid_request}, {@code not_found}, {@code conflict} with
 * the {@code job_id} in the way.
 */
@RestController
@RequestMapping("/internal/backfill")
@Tag(name = "backfill", description = "Backfill jobs: a user's mail and calendar read once")
public class BackfillController {

  private final BackfillService service;
  private final BackfillSources sources;

  BackfillController(BackfillService service, BackfillSources sources) {
    this.sources = sources;
    this.service = service;
  }

  @PostMapping("/start")
  @Operation(summary = "Starts a backfill of a user's mail and calendar")
  @ApiResponse(
      responseCode = "201",
      description = "The new job.",
      useReturnTypeSchema = true,
      headers = @Header(name = "Location", description = "The job's URL"))
  @ApiResponse(
      responseCode = "400",
      description = "No body, no `user_id` or a value out of range: `invalid_request`.")
  @ApiResponse(
      responseCode = "409",
      description = "The user has an active job: `conflict`, its id in `job_id`.")
  Mono<ResponseEntity<JobView>> start(@RequestBody(required = false) @Nullable StartRequest body) {
    if (body == null) {
      return Mono.error(ApiException.invalid("a JSON body with user_id is required"));
    }
    return Mono.fromCallable(body::toRequest)
        .flatMap(service::start)
        .map(this::view)
        .map(v -> ResponseEntity.created(URI.create("/internal/backfill/" + v.jobId())).body(v))
        .onErrorMap(IllegalArgumentException.class, e -> ApiException.invalid(e.getMessage()))
        .onErrorMap(JobConflictException.class, BackfillController::conflict);
  }

  @GetMapping("/{jobId}")
  @Operation(summary = "A job with its progress")
  @ApiResponse(responseCode = "200", description = "The job.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "Not a uuid: `invalid_request`.")
  @ApiResponse(responseCode = "404", description = "No such job: `not_found`.")
  Mono<JobView> get(@PathVariable String jobId) {
    return service.find(id(jobId)).map(this::view).switchIfEmpty(noJob(jobId));
  }

  @GetMapping
  @Operation(summary = "A user's jobs, newest first")
  @ApiResponse(responseCode = "200", description = "The jobs.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "No `user_id`: `invalid_request`.")
  Mono<JobList> list(@RequestParam(name = "user_id", required = false) @Nullable String userId) {
    if (userId == null || userId.isBlank()) {
      return Mono.error(ApiException.invalid("the user_id query parameter is required"));
    }
    return service.list(userId).map(this::view).collectList().map(JobList::new);
  }

  @DeleteMapping("/{jobId}")
  @Operation(summary = "Cancels a job")
  @ApiResponse(responseCode = "200", description = "The cancelled job.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "Not a uuid: `invalid_request`.")
  @ApiResponse(responseCode = "404", description = "No such job: `not_found`.")
  @ApiResponse(
      responseCode = "409",
      description = "The job has finished: `conflict`, its id in `job_id`.")
  Mono<JobView> cancel(@PathVariable String jobId) {
    return service
        .cancel(id(jobId))
        .map(this::view)
        .onErrorMap(JobConflictException.class, BackfillController::conflict)
        .switchIfEmpty(noJob(jobId));
  }

  @PostMapping("/{jobId}/restart")
  @Operation(
      summary = "Restarts a failed job from its checkpoint",
      description =
          "Queues a job that failed (all its attempts, or for good) again, due now, with its"
              + " attempts reset; its checkpoint, counters and last `error` are kept, so its next"
              + " run resumes where it stopped.")
  @ApiResponse(responseCode = "200", description = "The queued job.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "Not a uuid: `invalid_request`.")
  @ApiResponse(responseCode = "404", description = "No such job: `not_found`.")
  @ApiResponse(
      responseCode = "409",
      description =
          "The job has not failed (its id in `job_id`), or the user has another active job (that"
              + " one's id in `job_id`): `conflict`.")
  Mono<JobView> restart(@PathVariable String jobId) {
    return service
        .restart(id(jobId))
        .map(this::view)
        .onErrorMap(JobConflictException.class, BackfillController::conflict)
        .switchIfEmpty(noJob(jobId));
  }

  /** A user's jobs, newest first. */
  record JobList(List<JobView> jobs) {}

  private static UUID id(String jobId) {
    try {
      return UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("job id '" + jobId + "' is not a uuid");
    }
  }

  private static <T> Mono<T> noJob(String jobId) {
    return Mono.error(() -> ApiException.notFound("no backfill job " + jobId));
  }

  private static ApiException conflict(JobConflictException e) {
    return new ApiException(
        HttpStatus.CONFLICT,
        ProblemCodes.CONFLICT,
        e.getMessage(),
        Map.of("job_id", e.job().id().toString()));
  }

  private JobView view(BackfillJob job) {
    return JobView.of(job, sources.phaseName(job.provider(), job.checkpoint().phase()));
  }
}

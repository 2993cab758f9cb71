package dev.officeflow.googlesim.web;

import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Google's batch endpoint ({@code POST /batch}, {@code /batch/gmail/v1}, {@code
 * /batch/calendar/v3}): a {@code multipart/mixed} body of {@code application/http} requests, each
 * run as if it came alone (own auth, quota and faults), answered in the same multipart shape.
 */
public final class BatchHandler implements Handler {

  /** Google refuses batches of more than 100 calls. */
  public static final int MAX_PARTS = 100;

  private final Router router;

  public BatchHandler(Router router) {
    this.router = router;
  }

  @Override
  public SimResponse handle(SimRequest request) {
    if (!request.is("POST")) {
      return GoogleErrors.notFound(ApiKind.GMAIL);
    }
    String boundary =
        request
            .header("content-type")
            .flatMap(MultipartCodec::boundary)
            .orElseThrow(
                () ->
                    new BadRequestException("Batch requests need multipart/mixed content.", null));
    List<MultipartCodec.Part> parts = MultipartCodec.split(request.body(), boundary);
    if (parts.size() > MAX_PARTS) {
      return GoogleErrors.badRequest(
          ApiKind.GMAIL, "Too many requests in batch: the limit is " + MAX_PARTS + ".", null);
    }
    List<MultipartCodec.Answer> answers = new ArrayList<>();
    Duration delay = Duration.ZERO;
    for (MultipartCodec.Part part : parts) {
      SimResponse response = router.dispatch(MultipartCodec.innerRequest(part, request));
      delay = response.delay().compareTo(delay) > 0 ? response.delay() : delay;
      answers.add(new MultipartCodec.Answer(part.contentId(), response));
    }
    String outBoundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
    byte[] body = MultipartCodec.join(answers, outBoundary);
    return new SimResponse(
        200, Map.of("Content-Type", "multipart/mixed; boundary=" + outBoundary), body, delay);
  }

  static String iso(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}

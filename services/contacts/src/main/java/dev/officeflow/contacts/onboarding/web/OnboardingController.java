package dev.officeflow.contacts.onboarding.web;

import dev.officeflow.contacts.onboarding.Candidate;
import dev.officeflow.contacts.onboarding.Candidates;
import dev.officeflow.contacts.onboarding.Onboarding;
import dev.officeflow.contacts.onboarding.OnboardingProblems;
import dev.officeflow.contacts.onboarding.OnboardingSettings;
import dev.officeflow.contacts.onboarding.OnboardingStatus;
import dev.officeflow.contacts.onboarding.SelectedVip;
import dev.officeflow.contacts.onboarding.Selections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The VIP onboarding API; every query is scoped to the user of the bearer token. Errors are
 * problems with the codes of {@link OnboardingProblems}.
 */
@RestController
@RequestMapping("/onboarding/vips")
@Tag(name = "onboarding", description = "Choosing the caller's VIPs among their contacts")
public class OnboardingController {

  private final Onboarding onboarding;
  private final Candidates candidates;
  private final Selections selections;
  private final OnboardingSettings settings;

  OnboardingController(
      Onboarding onboarding,
      Candidates candidates,
      Selections selections,
      OnboardingSettings settings) {
    this.onboarding = onboarding;
    this.candidates = candidates;
    this.selections = selections;
    this.settings = settings;
  }

  /** The ranked candidates. */
  record CandidateList(int limit, List<Candidate> candidates) {}

  /** The saved selection, in rank order. */
  record Selection(List<String> contactHashes, List<SelectedVip> vips) {

    static Selection of(List<SelectedVip> vips) {
      return new Selection(vips.stream().map(SelectedVip::contactHash).toList(), vips);
    }
  }

  /** The body of a selection. */
  record SelectionRequest(@Nullable List<String> contactHashes) {}

  @GetMapping("/status")
  @Operation(
      summary = "How far the caller's mail has been read, and whether candidates are ready",
      description =
          "`provisional` is true while the candidates rest on part of the window: the latest"
              + " backfill job (`job`, from the office's progress events: state, phase, percent)"
              + " has not completed. Before any job reported, it is true while data is still"
              + " arriving (`backfill.state` = `running`).")
  Mono<OnboardingStatus> status(@AuthenticationPrincipal Jwt jwt) {
    return onboarding.status(jwt.getSubject());
  }

  @GetMapping
  @Operation(summary = "The caller's contacts ranked as VIP candidates, best first")
  @ApiResponse(responseCode = "200", description = "The candidates.", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description = "`limit` is not an integer within the accepted range: `invalid_limit`.")
  Mono<CandidateList> candidates(
      @AuthenticationPrincipal Jwt jwt,
      @Parameter(description = "How many candidates (default and maximum are settings).")
          @RequestParam(required = false)
          @Nullable String limit) {
    int checked = limit(limit);
    return candidates.top(jwt.getSubject(), checked).map(list -> new CandidateList(checked, list));
  }

  @PostMapping("/selection")
  @Operation(summary = "Saves the caller's VIPs, in rank order, in place of any earlier selection")
  @ApiResponse(
      responseCode = "200",
      description = "The saved selection.",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description =
          "Empty, too long, repeating a contact or naming one the caller does not have:"
              + " `invalid_selection`, with the entries at fault in `offending`.")
  Mono<Selection> select(
      @AuthenticationPrincipal Jwt jwt,
      @RequestBody(required = false) @Nullable SelectionRequest body) {
    if (body == null || body.contactHashes() == null) {
      return Mono.error(
          OnboardingProblems.invalidSelection(
              "body must be {\"contact_hashes\": [...]}", List.of()));
    }
    return selections.save(jwt.getSubject(), body.contactHashes()).map(Selection::of);
  }

  @GetMapping("/selection")
  @Operation(summary = "The caller's saved VIPs, in rank order")
  Mono<Selection> selection(@AuthenticationPrincipal Jwt jwt) {
    return selections.selection(jwt.getSubject()).map(Selection::of);
  }

  private int limit(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return settings.defaultLimit();
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 1 || value > settings.maxLimit()) {
      throw OnboardingProblems.invalidLimit(
          "limit must be an integer from 1 to " + settings.maxLimit() + ", got '" + raw + "'");
    }
    return value;
  }
}

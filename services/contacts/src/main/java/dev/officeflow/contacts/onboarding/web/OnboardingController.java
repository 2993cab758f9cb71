package dev.officeflow.contacts.onboarding.web;

import dev.officeflow.contacts.onboarding.Candidate;
import dev.officeflow.contacts.onboarding.Candidates;
import dev.officeflow.contacts.onboarding.Onboarding;
import dev.officeflow.contacts.onboarding.OnboardingProblems;
import dev.officeflow.contacts.onboarding.OnboardingSettings;
import dev.officeflow.contacts.onboarding.OnboardingStatus;
import dev.officeflow.contacts.onboarding.SelectedVip;
import dev.officeflow.contacts.onboarding.Selections;
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
  Mono<OnboardingStatus> status(@AuthenticationPrincipal Jwt jwt) {
    return onboarding.status(jwt.getSubject());
  }

  @GetMapping
  Mono<CandidateList> candidates(
      @AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String limit) {
    int checked = limit(limit);
    return candidates.top(jwt.getSubject(), checked).map(list -> new CandidateList(checked, list));
  }

  @PostMapping("/selection")
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

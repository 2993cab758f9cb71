package dev.officeflow.contacts.onboarding;

import reactor.core.publisher.Mono;

/**
 * Where the onboarding status learns the backfill's progress. Today {@link LocalBackfillProgress}
 * derives it from what this service received; the office service's {@code GET
 * /internal/backfill?user_id=} (service credential) can replace it without other changes.
 */
interface BackfillProgressSource {

  Mono<BackfillProgress> progress(String userId);
}

package dev.officeflow.office.backfill;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every provider's backfill sources, by provider and phase. */
public final class BackfillSources {

  private final Map<String, Map<Phase, BackfillSource>> byProvider = new HashMap<>();

  public BackfillSources(List<BackfillSource> sources) {
    for (BackfillSource source : sources) {
      BackfillSource clash =
          byProvider
              .computeIfAbsent(source.provider(), p -> new HashMap<>())
              .put(source.phase(), source);
      if (clash != null) {
        throw new IllegalStateException(
            source.provider() + " has two " + source.phase().wire() + " sources");
      }
    }
  }

  /** The providers with at least one source: those a job can be started for. */
  public Set<String> providers() {
    return Set.copyOf(new TreeSet<>(byProvider.keySet()));
  }

  /** The provider's source of {@code phase}; empty when it has none (the phase is passed over). */
  public Optional<BackfillSource> get(String provider, Phase phase) {
    return Optional.ofNullable(byProvider.getOrDefault(provider, Map.of()).get(phase));
  }

  /**
   * What the job API shows as a job's phase: the source's name ({@code gmail}), else the phase's.
   */
  public String phaseName(String provider, Phase phase) {
    return get(provider, phase).map(BackfillSource::name).orElse(phase.wire());
  }
}

package dev.officeflow.office.providers.microsoft;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import java.util.List;
import java.util.Set;

/**
 * What the Microsoft backfill sources share: the provider, their phase, name and scopes, and the
 * session and item cap they read with. Each source keeps its own paging and mapping.
 */
public abstract class MicrosoftSource implements BackfillSource {

  private final Phase phase;
  private final String name;
  private final Set<String> scopes;

  protected MicrosoftSource(Phase phase, String name, Set<String> scopes) {
    this.phase = phase;
    this.name = name;
    this.scopes = scopes;
  }

  @Override
  public final String provider() {
    return MicrosoftScopes.PROVIDER;
  }

  @Override
  public final Phase phase() {
    return phase;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> scopes() {
    return scopes;
  }

  protected static MicrosoftSession session(RunContext run) {
    return run.session(MicrosoftSession.class);
  }

  /**
   * The first of {@code items} that still fit under the phase's {@code cap}; the caller checks the
   * cap is not reached.
   */
  protected static <T> List<T> upToCap(List<T> items, Cursor c, int cap) {
    return items.subList(0, Math.min(items.size(), cap - c.phaseItems()));
  }
}

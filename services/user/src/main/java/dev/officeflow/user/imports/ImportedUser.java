package dev.officeflow.user.imports;

import dev.officeflow.user.integration.ImportedGrant;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user as the reference services know them, checked already: the id they had there (a {@code
 * UserIds} shape), the address, when they were created there (null: now) and their integrations, at
 * most one per provider.
 */
public record ImportedUser(
    String id, String email, @Nullable Instant createdAt, List<ImportedGrant> integrations) {

  public ImportedUser {
    integrations = List.copyOf(integrations);
  }
}

package dev.officeflow.user.imports.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /internal/users/import} (snake_case JSON): one user as the reference services
 * know them, with the id they have there. Every field is checked by {@link ImportRequests}.
 */
record UserImportRequest(
    @Nullable String userId,
    @Nullable String email,
    @Nullable Instant createdAt,
    @Nullable List<IntegrationImportRequest> integrations) {}

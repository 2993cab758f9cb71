package dev.officeflow.user.microsoft;

import org.jspecify.annotations.Nullable;

/**
 * Who a verified Microsoft id_token names: the directory ({@code tid}), the account in it ({@code
 * oid}), and its address ({@code email}, else {@code preferred_username}; null with neither).
 *
 * @param emailVerified whether the address can be trusted to identify a person: Microsoft verified
 *     it (personal accounts), the token says the domain owner did ({@code xms_edov}), or the tenant
 *     is one the deployment trusts ({@code verified-email-tenants})
 */
public record MicrosoftIdentity(
    String tenantId, String objectId, @Nullable String email, boolean emailVerified) {}

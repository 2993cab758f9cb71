package dev.officeflow.office.lifecycle;

/**
 * A user's integration was disconnected, revoked or expired: work for it stops (ARCHITECTURE §2,
 * flow 6).
 *
 * @param reason the integration event's operation and status, e.g. {@code update revoked}
 */
public record IntegrationClosed(String userId, String provider, String reason) {}

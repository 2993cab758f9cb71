package dev.officeflow.contacts.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The onboarding flow's settings ({@code officeflow.contacts.onboarding.*}).
 *
 * @param quietPeriod with no backfill progress source, the backfill counts as done once no email or
 *     calendar event arrived for this long; default 30 s
 * @param defaultLimit candidates returned without {@code limit}; default 50
 * @param maxLimit largest {@code limit} accepted; default 100
 * @param maxSelection most VIPs a user may select; default 20
 * @param candidateCacheUsers users whose ranked candidates an instance keeps in memory between
 *     requests (each entry is checked against the user's contacts version on every request, so a
 *     write on any instance is seen at once); about 38 KB per user at the default limit; 0 turns
 *     the cache off; default 200
 */
@ConfigurationProperties("officeflow.contacts.onboarding")
public record OnboardingSettings(
    @DefaultValue("30s") Duration quietPeriod,
    @DefaultValue("50") int defaultLimit,
    @DefaultValue("100") int maxLimit,
    @DefaultValue("20") int maxSelection,
    @DefaultValue("200") int candidateCacheUsers) {}

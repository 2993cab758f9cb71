package dev.officeflow.contacts.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The onboarding flow's settings.
 *
 * @param quietPeriod with no backfill progress source, the backfill counts as done once no email or
 *     calendar event arrived for this long; default 30 s
 * @param defaultLimit candidates returned without {@code limit}; default 50
 * @param maxLimit largest {@code limit} accepted; default 100
 * @param maxSelection most VIPs a user may select; default 20
 */
@ConfigurationProperties("contacts.onboarding")
public record OnboardingSettings(
    @DefaultValue("30s") Duration quietPeriod,
    @DefaultValue("50") int defaultLimit,
    @DefaultValue("100") int maxLimit,
    @DefaultValue("20") int maxSelection) {}

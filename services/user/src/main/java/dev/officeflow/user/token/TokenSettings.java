package dev.officeflow.user.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Serving provider tokens ({@code officeflow.user.tokens.*}).
 *
 * @param refreshMargin a token expiring within this margin is refreshed before it is served, so a
 *     caller always gets one that lasts a while (default 5 minutes)
 */
@ConfigurationProperties("officeflow.user.tokens")
public record TokenSettings(@DefaultValue("5m") Duration refreshMargin) {}

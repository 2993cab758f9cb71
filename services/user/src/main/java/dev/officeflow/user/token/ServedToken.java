package dev.officeflow.user.token;

import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.ProviderTokens;

/**
 * An access token fit to serve, with the integration it belongs to. Printed without its tokens.
 *
 * @param integration the integration as it is now (scopes updated by a refresh)
 * @param tokens its tokens; the access token lasts beyond the refresh margin
 */
public record ServedToken(Integration integration, ProviderTokens tokens) {}

package dev.officeflow.office.lifecycle;

/**
 * A user was deleted ({@code UserEvent(operation=delete)}) and the purge is done: their jobs, their
 * watches and channels (stopped at the provider through {@link ProviderWatches}) and their Redis
 * keys are gone. Listeners drop whatever they still keep for the user in memory; they must not need
 * the provider, whose grant is being released.
 */
public record UserForgotten(String userId) {}

package dev.officeflow.office.lifecycle;

/**
 * A user was deleted ({@code UserEvent(operation=delete)}): every feature drops what it keeps for
 * them. Published after the backfill jobs are gone.
 */
public record UserForgotten(String userId) {}

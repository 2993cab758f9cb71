package dev.officeflow.simkit.web;

/** Serves the requests under one path prefix. Implementations are thread-safe. */
@FunctionalInterface
public interface Handler {
  SimResponse handle(SimRequest request);
}

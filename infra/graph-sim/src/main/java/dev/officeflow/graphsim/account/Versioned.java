package dev.officeflow.graphsim.account;

/**
 * An item kept at versions: its id, the sequence number of its last change, and whether that change
 * deleted it.
 */
public interface Versioned {

  String id();

  long version();

  boolean deleted();
}

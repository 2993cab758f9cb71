package dev.officeflow.googlesim.admin;

/** Where an added message landed and the mailbox history id after the change. */
public record MessageRef(String id, String threadId, long historyId) {}

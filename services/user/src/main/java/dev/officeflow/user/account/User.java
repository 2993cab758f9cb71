package dev.officeflow.user.account;

import java.time.Instant;

/** A person who uses officeflow. */
public record User(String id, String email, Instant createdAt) {}

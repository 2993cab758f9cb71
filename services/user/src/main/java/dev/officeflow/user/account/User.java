package dev.officeflow.user.account;

import java.time.Instant;
import java.util.UUID;

/** A person who uses officeflow. */
public record User(UUID id, String email, Instant createdAt) {}

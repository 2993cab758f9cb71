/**
 * Deleted users: on {@code UserEvent(delete)} the notifier records the user as forgotten in Redis
 * for as long as any of their JWTs can live, drops their buffer, revokes their tickets and closes
 * their streams on every instance; the record refuses their JWTs and tickets meanwhile.
 */
@NullMarked
package dev.officeflow.notifier.forget;

import org.jspecify.annotations.NullMarked;

/**
 * Consuming events: refuse oversized bodies, decode within the process's byte budget, settle the
 * events of forgotten users, resolve pointers, call the handler, then ack, nack or dead-letter; or,
 * while a dependency is down, hold the message and pause the subscription.
 */
@NullMarked
package dev.officeflow.runtime.consume;

import org.jspecify.annotations.NullMarked;

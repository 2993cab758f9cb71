/** Batched, idempotent writes of interactions and the incremental contact aggregates. */
@NullMarked
package dev.officeflow.contacts.discovery.store;

import org.jspecify.annotations.NullMarked;

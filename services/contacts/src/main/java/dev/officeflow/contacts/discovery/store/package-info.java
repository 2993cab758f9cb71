/** Idempotent writes of interaction batches and the incremental contact aggregates (SQL). */
@NullMarked
package dev.officeflow.contacts.discovery.store;

import org.jspecify.annotations.NullMarked;

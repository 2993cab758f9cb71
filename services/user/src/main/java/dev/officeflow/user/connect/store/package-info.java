/** Authorizations in progress, in Redis: single use, with a TTL. */
@NullMarked
package dev.officeflow.user.connect.store;

import org.jspecify.annotations.NullMarked;

/** The {@code held_grants} table: deleted users' grants until they are released. */
@NullMarked
package dev.officeflow.user.purge.store;

import org.jspecify.annotations.NullMarked;

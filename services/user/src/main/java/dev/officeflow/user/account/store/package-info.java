/** The {@code users} table. */
@NullMarked
package dev.officeflow.user.account.store;

import org.jspecify.annotations.NullMarked;

/**
 * The durable record of the users a service has forgotten (ARCHITECTURE §8): the one mechanism
 * behind "deleted users stay deleted" and "a deleted user's tokens are refused".
 */
@NullMarked
package dev.officeflow.runtime.forget;

import org.jspecify.annotations.NullMarked;

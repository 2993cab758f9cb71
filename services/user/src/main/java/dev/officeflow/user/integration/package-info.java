/**
 * A user's connections to providers: status, scopes, account, encrypted tokens, the audit log of
 * changes, the events that announce them, and disconnecting.
 */
@NullMarked
package dev.officeflow.user.integration;

import org.jspecify.annotations.NullMarked;

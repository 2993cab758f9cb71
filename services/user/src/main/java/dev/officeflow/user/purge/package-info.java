/**
 * A deleted user's provider grants, held for the office's purge (ARCHITECTURE §2, flow 6): kept
 * after the account is gone so the office can stop the user's watches and channels, served only to
 * the office's purge, and revoked at the provider when the office confirms or at the deadline.
 */
@NullMarked
package dev.officeflow.user.purge;

import org.jspecify.annotations.NullMarked;

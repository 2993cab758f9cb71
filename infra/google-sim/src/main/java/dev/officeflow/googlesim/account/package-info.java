/** Simulated Google accounts: each owns a mailbox, a calendar and its OAuth consent settings. */
@NullMarked
package dev.officeflow.googlesim.account;

import org.jspecify.annotations.NullMarked;

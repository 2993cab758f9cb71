/**
 * Simulated Google accounts: each owns a mailbox, its calendars, an address book and its OAuth
 * consent settings.
 */
@NullMarked
package dev.officeflow.googlesim.account;

import org.jspecify.annotations.NullMarked;

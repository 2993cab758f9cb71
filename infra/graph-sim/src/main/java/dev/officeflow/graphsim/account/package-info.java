/**
 * The simulated mailboxes: accounts ({@link dev.officeflow.graphsim.account.Accounts}), each with
 * its mail folders, calendar and contacts built from the kit's deterministic generator, every
 * change versioned (for delta queries) and announced ({@link
 * dev.officeflow.graphsim.account.ResourceChange}); and the admin routes that change content.
 */
@NullMarked
package dev.officeflow.graphsim.account;

import org.jspecify.annotations.NullMarked;

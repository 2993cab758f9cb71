/**
 * The People API: each account's address book (its contacts and its "other contacts"), listed with
 * {@code people.connections.list} and {@code otherContacts.list}, paged and synced by token.
 */
@NullMarked
package dev.officeflow.googlesim.people;

import org.jspecify.annotations.NullMarked;

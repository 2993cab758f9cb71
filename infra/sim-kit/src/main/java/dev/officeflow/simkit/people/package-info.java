/**
 * The address book's people as the generator makes them, in no provider's shape: google-sim serves
 * them as People API persons, graph-sim as Outlook contacts.
 */
@NullMarked
package dev.officeflow.simkit.people;

import org.jspecify.annotations.NullMarked;

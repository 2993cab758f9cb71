/** Deleting everything the service holds for a user. */
@NullMarked
package dev.officeflow.contacts.purge;

import org.jspecify.annotations.NullMarked;

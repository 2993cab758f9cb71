/**
 * The reference direction of the contract (issue 17): JSON Schemas written by hand from the
 * reference Python models, and events written as a reference producer writes them. Shared with
 * other modules' tests through the common-events test-jar.
 */
@NullMarked
package dev.officeflow.events.reference;

import org.jspecify.annotations.NullMarked;

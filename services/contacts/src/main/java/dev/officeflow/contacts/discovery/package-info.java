/**
 * Turns email and calendar events into per-participant interactions and the user's own addresses.
 */
@NullMarked
package dev.officeflow.contacts.discovery;

import org.jspecify.annotations.NullMarked;

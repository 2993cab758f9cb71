/** The officeflow event contract. */
@NullMarked
package dev.officeflow.events;

import org.jspecify.annotations.NullMarked;

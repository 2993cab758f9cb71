/** Test fixtures: office instances, google-sim setups, expected and published items. */
@NullMarked
package dev.officeflow.office.testing;

import org.jspecify.annotations.NullMarked;

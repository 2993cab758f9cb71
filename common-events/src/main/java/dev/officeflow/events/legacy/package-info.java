/**
 * The reference services' deprecated shapes, as their models define them ({@code
 * services/common/events/*.py}): published with no attributes on the legacy topics, told apart by
 * their fields ({@link LegacyShape}). The records write the reference's JSON with the event codec,
 * so the mirror (typed events back to these shapes) can publish them as they are.
 */
@NullMarked
package dev.officeflow.events.legacy;

import org.jspecify.annotations.NullMarked;

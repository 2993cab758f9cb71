/** Provider items into event records: address lists, encoded words, Gmail messages, events. */
@NullMarked
package dev.officeflow.office.normalize;

import org.jspecify.annotations.NullMarked;

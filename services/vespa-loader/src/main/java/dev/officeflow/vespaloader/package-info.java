/**
 * The vespa-loader service: keeps one Vespa document per provider item, fed from the event topics.
 */
@NullMarked
package dev.officeflow.vespaloader;

import org.jspecify.annotations.NullMarked;

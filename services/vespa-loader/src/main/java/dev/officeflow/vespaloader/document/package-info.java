/** Events to Vespa documents: ids, common fields and each type's own fields. */
@NullMarked
package dev.officeflow.vespaloader.document;

import org.jspecify.annotations.NullMarked;

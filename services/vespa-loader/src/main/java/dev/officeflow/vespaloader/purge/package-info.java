/** Removing every document of a deleted user, one group delete per document type. */
@NullMarked
package dev.officeflow.vespaloader.purge;

import org.jspecify.annotations.NullMarked;

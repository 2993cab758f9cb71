/**
 * Forgetting a deleted user: the durable record of forgotten users (in Vespa), and removing every
 * document of the user, one group delete per document type, twice.
 */
@NullMarked
package dev.officeflow.vespaloader.purge;

import org.jspecify.annotations.NullMarked;

/** Feeding documents to Vespa with vespa-feed-client: conditional writes, removes, health. */
@NullMarked
package dev.officeflow.vespaloader.feed;

import org.jspecify.annotations.NullMarked;

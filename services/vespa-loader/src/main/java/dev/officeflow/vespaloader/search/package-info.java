/**
 * Unified search ({@code GET /v1/search}): one Vespa streaming query over the caller's group,
 * across the data document types, with the application package's rank profiles; typed hits with
 * highlights, never a tombstone; opaque cursors signed for the caller and the query.
 */
@NullMarked
package dev.officeflow.vespaloader.search;

import org.jspecify.annotations.NullMarked;

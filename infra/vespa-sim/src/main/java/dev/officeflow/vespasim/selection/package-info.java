/**
 * A subset of Vespa's document selection language, enough for test-and-set conditions ({@code
 * email.last_updated < 1700000000000 or not email}), delete/visit selections and the
 * garbage-collection selections of {@code services.xml} ({@code email.deleted_at > (now() - 60) *
 * 1000}).
 */
@NullMarked
package dev.officeflow.vespasim.selection;

import org.jspecify.annotations.NullMarked;

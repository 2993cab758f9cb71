/**
 * A subset of Vespa's document selection language, enough for test-and-set conditions ({@code
 * email.last_updated < 1700000000000 or not email}) and delete/visit selections.
 */
@NullMarked
package dev.officeflow.vespasim.selection;

import org.jspecify.annotations.NullMarked;

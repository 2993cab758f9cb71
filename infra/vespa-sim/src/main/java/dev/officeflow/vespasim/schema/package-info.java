/** Document types and field types read from Vespa schema ({@code .sd}) files. */
@NullMarked
package dev.officeflow.vespasim.schema;

import org.jspecify.annotations.NullMarked;

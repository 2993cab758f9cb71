/** The office service: the only module that calls providers (backfill now, streaming later). */
@NullMarked
package dev.officeflow.office;

import org.jspecify.annotations.NullMarked;

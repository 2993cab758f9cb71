/** Offline validation of the Vespa application package in {@code infra/vespa}. */
@NullMarked
package dev.officeflow.vespasim.apppackage;

import org.jspecify.annotations.NullMarked;

/** The internal backfill API under {@code /internal/backfill} (service credential required). */
@NullMarked
package dev.officeflow.office.backfill.web;

import org.jspecify.annotations.NullMarked;

/**
 * Spring application events that mark a user's life in the office service (a backfill completed, an
 * integration closed, a user deleted), so features react to each other without depending on each
 * other's packages.
 */
@NullMarked
package dev.officeflow.office.lifecycle;

import org.jspecify.annotations.NullMarked;

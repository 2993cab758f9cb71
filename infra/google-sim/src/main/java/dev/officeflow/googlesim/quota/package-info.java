/**
 * Token-bucket quotas per user and per project: Gmail's per-method unit costs, Calendar's and
 * People's request limits; a call is charged to both budgets of its API or to neither.
 */
@NullMarked
package dev.officeflow.googlesim.quota;

import org.jspecify.annotations.NullMarked;

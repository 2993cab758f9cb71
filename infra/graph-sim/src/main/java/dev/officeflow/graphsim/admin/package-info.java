/**
 * The admin API under {@code /admin} and its Java face: accounts, tokens, consent, throttling,
 * faults, stats.
 */
@NullMarked
package dev.officeflow.graphsim.admin;

import org.jspecify.annotations.NullMarked;

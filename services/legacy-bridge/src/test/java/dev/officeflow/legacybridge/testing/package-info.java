/** The legacy bridge's test harness. */
@NullMarked
package dev.officeflow.legacybridge.testing;

import org.jspecify.annotations.NullMarked;

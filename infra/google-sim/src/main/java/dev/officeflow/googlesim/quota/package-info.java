/**
 * Per-user token-bucket quotas: Gmail's per-method unit costs, Calendar's and People's request
 * limits.
 */
@NullMarked
package dev.officeflow.googlesim.quota;

import org.jspecify.annotations.NullMarked;

/** Per-user token-bucket quotas with Gmail's per-method unit costs and Calendar's request limit. */
@NullMarked
package dev.officeflow.googlesim.quota;

import org.jspecify.annotations.NullMarked;

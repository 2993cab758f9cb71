/** The notifier's benchmark: idle streams within its memory bound, latency under load. */
@NullMarked
package dev.officeflow.bench.notifier;

import org.jspecify.annotations.NullMarked;

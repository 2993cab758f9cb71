/** bench/search: GET /v1/search latency at a constant rate against vespa-sim, and the RSS. */
@NullMarked
package dev.officeflow.bench.search;

import org.jspecify.annotations.NullMarked;

/**
 * vespa-sim: a local stand-in for Vespa's {@code /document/v1} API and its query API {@code
 * /search/} (the shapes officeflow sends), served over h2c and HTTP/1.1 with Jetty, checked against
 * the schemas of {@code infra/vespa}. Start it with {@link dev.officeflow.vespasim.VespaSim#start}
 * in a test or with {@link dev.officeflow.vespasim.Main}.
 */
@NullMarked
package dev.officeflow.vespasim;

import org.jspecify.annotations.NullMarked;

package dev.officeflow.vespasim;

import dev.officeflow.vespasim.schema.SchemaCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running vespa-sim: Vespa's {@code /document/v1} and {@code /search/} APIs on one port, over
 * HTTP/1.1 and h2c (HTTP/2 cleartext, what vespa-feed-client speaks to an {@code http://} URL),
 * backed by an in-memory store checked against the schemas it was started with. Thread-safe; close
 * it to stop the server.
 */
public final class VespaSim implements AutoCloseable {

  private static final int MAX_CONCURRENT_STREAMS = 4096;

  private final Server server;
  private final ServerConnector connector;
  private final SchemaCatalog schemas;
  private final ClusterSelections selections;
  private final DocumentStore store;
  private final Counters counters;
  private final FaultInjector faults;
  private final ScheduledExecutorService delays;

  private VespaSim(String host, int port, SchemaCatalog schemas, ClusterSelections selections) {
    this.schemas = schemas;
    this.selections = selections;
    this.store = new DocumentStore();
    this.counters = new Counters();
    this.faults = new FaultInjector(counters);
    this.delays = Executors.newSingleThreadScheduledExecutor(VespaSim::delayThread);
    this.server = new Server(threadPool());
    this.connector = connector(server, host, port);
    server.addConnector(connector);
    DocumentApi documents = new DocumentApi(schemas, selections, store, counters);
    SearchApi search = new SearchApi(schemas, selections, store, Clock.systemUTC());
    AdminApi admin = new AdminApi(this::stats, this::reset, this::collectGarbage, faults);
    server.setHandler(new SimHandler(documents, search, admin, faults, delays));
  }

  /** Starts on 127.0.0.1; port 0 picks a free port (see {@link #port()}). */
  public static VespaSim start(int port, Path schemasDir) {
    return start("127.0.0.1", port, schemasDir);
  }

  /**
   * Starts on {@code host} ({@code 0.0.0.0} for every interface) with the given schemas, and the
   * document selections of the {@code services.xml} beside them, when there is one (the application
   * package's layout: {@code <app>/schemas/*.sd}, {@code <app>/services.xml}).
   */
  public static VespaSim start(String host, int port, Path schemasDir) {
    SchemaCatalog schemas = SchemaCatalog.load(schemasDir);
    Path servicesXml = schemasDir.toAbsolutePath().normalize().resolveSibling("services.xml");
    VespaSim sim = new VespaSim(host, port, schemas, ClusterSelections.load(servicesXml, schemas));
    try {
      sim.server.start();
    } catch (Exception e) {
      sim.close();
      throw new IllegalStateException("vespa-sim could not start on " + host + ":" + port, e);
    }
    return sim;
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The document types it accepts, from the schemas. */
  public List<String> doctypes() {
    return List.copyOf(schemas.doctypes());
  }

  public SimStats stats() {
    return counters.snapshot(store.counts(schemas.doctypes()));
  }

  /** The documents of one type in one group ({@code g=<group>} in their ids), in id order. */
  public List<StoredDocument> documents(String doctype, String group) {
    return store.scan(null, doctype, "g=" + group, stored -> true).stream()
        .map(stored -> new StoredDocument(stored.id().toString(), Json.toMap(stored.fields())))
        .toList();
  }

  /**
   * Vespa's garbage collection, run now as if the clock read {@code now}: removes every stored
   * document its type's selection in {@code services.xml} no longer keeps (e.g. a tombstone past
   * its retention), when garbage collection is on there. Returns how many were removed.
   */
  public int collectGarbage(Instant now) {
    if (!selections.garbageCollection()) {
      return 0;
    }
    return store.removeAll(
        store.scan(
            null, null, null, stored -> !selections.keeps(stored.id(), stored.fields(), now)));
  }

  /** Replaces the fault injection settings; {@link Faults#none()} turns it off. */
  public void setFaults(Faults next) {
    faults.set(next);
  }

  /** Drops every document, zeroes the counters and turns fault injection off. */
  public void reset() {
    store.clear();
    counters.reset();
    faults.set(Faults.none());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("vespa-sim did not stop cleanly", e);
    } finally {
      delays.shutdownNow();
    }
  }

  private static QueuedThreadPool threadPool() {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("vespa-sim");
    return threads;
  }

  private static ServerConnector connector(Server server, String host, int port) {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setUriCompliance(UriCompliance.LEGACY);
    HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(config);
    h2c.setMaxConcurrentStreams(MAX_CONCURRENT_STREAMS);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config), h2c);
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  private static Thread delayThread(Runnable runnable) {
    Thread thread = new Thread(runnable, "vespa-sim-delays");
    thread.setDaemon(true);
    return thread;
  }
}

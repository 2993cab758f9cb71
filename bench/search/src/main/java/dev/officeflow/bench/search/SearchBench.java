package dev.officeflow.bench.search;

import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.ServiceProcess;
import dev.officeflow.vespasim.VespaSim;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /v1/search} latency at a constant rate (ARCHITECTURE §11: reported; the real figure
 * needs a real Vespa) and vespa-loader's RSS meanwhile, against its 384 MB bound. vespa-sim runs in
 * this JVM with {@code bench.users} users of {@code bench.docs} emails each; the service runs from
 * its exec jar with the registry's options; each request is one user's search for two words of the
 * corpus's vocabulary, users and words in turn.
 */
public final class SearchBench {

  private static final int USERS = Integer.getInteger("bench.users", 20);
  private static final int DOCS = Integer.getInteger("bench.docs", 2_000);
  private static final int RATE = Integer.getInteger("bench.rate", 50);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add("bench-search-user-" + i);
    }
    String serviceJavaOptions = System.getProperty("bench.serviceJavaOpts", "");
    String prefix = IsolatedCatalog.apply();
    try (VespaSim vespa = VespaSim.start(0, Path.of("../../infra/vespa/schemas"));
        TestJwks jwks = TestJwks.start()) {
      long fed = System.nanoTime();
      int written = Corpus.feed(vespa.port(), users, DOCS);
      System.out.printf(
          Locale.ROOT,
          "corpus: %d emails for %d users written to vespa-sim in %.1f s%n",
          written,
          USERS,
          (System.nanoTime() - fed) / 1e9);
      System.out.println("baseline: " + direct(vespa.port(), users));
      String sim = "http://127.0.0.1:" + vespa.port() + "/";
      try (ServiceProcess service =
          ServiceProcess.launch(
              "vespa-loader",
              serviceJavaOptions,
              Path.of("target/vespa-loader.log"),
              port -> {
                List<String> arguments =
                    new ArrayList<>(Arrays.asList(IsolatedCatalog.commandLine(prefix)));
                arguments.addAll(
                    List.of(
                        "--officeflow.vespa-loader.feed.endpoints=" + sim,
                        "--officeflow.vespa-loader.search.endpoint=" + sim,
                        "--officeflow.security.user-jwt.jwk-set-uri=" + jwks.uri(),
                        "--logging.structured.format.console="));
                return arguments;
              })) {
        long healthy =
            service.awaitHealthy(HttpClient.newHttpClient(), Duration.ofSeconds(120)).toMillis();
        System.out.printf(
            Locale.ROOT,
            "service: vespa-loader (pid %d) healthy in %d ms, RSS idle %d kB%n",
            service.pid(),
            healthy,
            service.rssKb());
        measure(service, users, jwks);
      }
    }
  }

  /**
   * The same queries straight to vespa-sim, one at a time, the service left out: what of the
   * latency is the sim's scan of a user's group.
   */
  private static String direct(int simPort, List<String> users) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Random random = new Random(7);
    List<OpenLoad.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String body =
          "{\"yql\": \"select * from sources email, calendar_event, contact, office_document, todo"
              + " where ({defaultIndex: \\\"default\\\", grammar: \\\"all\\\"}userInput(@q))"
              + " and !(deleted = true)\", \"q\": \""
              + Corpus.words(random, 2)
              + "\", \"hits\": 20, \"ranking.profile\": \"recency\","
              + " \"streaming.groupname\": \""
              + users.get(i % users.size())
              + "\"}";
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/search/"))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long start = System.nanoTime();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (i >= 50) { // the first 50 warm the JIT
        samples.add(new OpenLoad.Sample(0, System.nanoTime() - start, status));
      }
    }
    return "vespa-sim alone, one query at a time (after 50 uncounted): "
        + OpenLoad.summary(samples);
  }

  private static void measure(ServiceProcess service, List<String> users, TestJwks jwks)
      throws Exception {
    List<String> tokens = new ArrayList<>();
    for (String user : users) {
      tokens.add(
          jwks.token(user, TestJwks.ISSUER, List.of(TestJwks.AUDIENCE), Duration.ofHours(2)));
    }
    Random random = new Random(7);
    List<URI> queries = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String q = Corpus.words(random, 2);
      queries.add(
          URI.create(
              service.baseUrl()
                  + "/v1/search?limit=20&q="
                  + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }
    AtomicLong peak = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          try {
            peak.accumulateAndGet(service.rssKb(), Math::max);
          } catch (Exception gone) {
            // the process ended; the run reports it
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    List<OpenLoad.Sample> samples =
        new OpenLoad()
            .run(
                RATE,
                WARMUP,
                SECONDS,
                k -> OpenLoad.get(queries.get(k % queries.size()), tokens.get(k % tokens.size())));
    sampler.shutdown();
    System.out.printf(
        Locale.ROOT,
        "latency: GET /v1/search?limit=20 at %d req/s, open model (from intended send time), %d s"
            + " warm-up then %d s, %d users x %d emails in vespa-sim: %s%n",
        RATE,
        WARMUP,
        SECONDS,
        USERS,
        DOCS,
        OpenLoad.summary(samples));
    System.out.printf(
        Locale.ROOT,
        "memory: vespa-loader RSS peak %d kB during the run, %d kB after (bound 384 MB = 393216"
            + " kB)%n",
        peak.get(),
        service.rssKb());
  }
}

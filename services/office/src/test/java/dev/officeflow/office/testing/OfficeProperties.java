package dev.officeflow.office.testing;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Spring properties that point an office instance, in this JVM or a process of its own, at the
 * test infrastructure and a sim.
 */
public final class OfficeProperties {

  private OfficeProperties() {}

  /**
   * Test emulator (under the catalog {@code prefix}), Redis, {@code db}, the sim with its quota
   * (per user and per project) on both sides, quick polling and retries.
   */
  public static Map<String, Object> of(String prefix, TestDatabase db, GoogleSim sim) {
    Map<String, Object> p = new HashMap<>(IsolatedCatalog.springProperties(prefix));
    p.putAll(ServiceUnderTest.databaseProperties(db));
    p.put("officeflow.office.google.root-url", sim.baseUrl());
    p.put("officeflow.office.google.retry-backoff", "50ms");
    p.put("officeflow.office.google.max-retry-backoff", "500ms");
    p.put("officeflow.office.tokens.sim-url", sim.baseUrl());
    p.put("officeflow.office.tokens.token-url", sim.baseUrl() + "token");
    p.put(
        "officeflow.office.quota.gmail-units-per-minute",
        sim.admin().quota().gmailUnitsPerMinute());
    p.put(
        "officeflow.office.quota.calendar-requests-per-minute",
        sim.admin().quota().calendarRequestsPerMinute());
    p.put(
        "officeflow.office.quota.gmail-project-units-per-minute",
        sim.admin().quota().projectGmailUnitsPerMinute());
    p.put(
        "officeflow.office.quota.calendar-project-requests-per-minute",
        sim.admin().quota().projectCalendarRequestsPerMinute());
    p.put(
        "officeflow.office.quota.people-project-requests-per-minute",
        sim.admin().quota().projectPeopleRequestsPerMinute());
    p.put("officeflow.office.quota.burst", sim.admin().quota().burst().toMillis() + "ms");
    // Each instance set gets its own buckets: Redis outlives test runs.
    p.put("officeflow.office.quota.key-prefix", "test:" + UUID.randomUUID() + ":");
    p.put("officeflow.office.backfill.poll-interval", "200ms");
    p.put("officeflow.office.backfill.retry-backoff", "200ms");
    p.put("officeflow.office.backfill.max-retry-backoff", "1s");
    return p;
  }

  /**
   * Test emulator (under the catalog {@code prefix}), Redis, {@code db} and graph-sim: Graph at the
   * sim, grants from its admin API issued to the app {@code officeflow-local} (as whose calls the
   * sim throttles them), quick polling and retries. No google-sim: Google is not called.
   */
  public static Map<String, Object> microsoft(String prefix, TestDatabase db, GraphSim sim) {
    Map<String, Object> p = new HashMap<>(IsolatedCatalog.springProperties(prefix));
    p.putAll(ServiceUnderTest.databaseProperties(db));
    p.put("officeflow.office.microsoft.graph-url", sim.graphUrl());
    p.put("officeflow.office.microsoft.retry-backoff", "50ms");
    p.put("officeflow.office.microsoft.max-retry-backoff", "500ms");
    p.put("officeflow.office.tokens.source", "google-sim");
    p.put("officeflow.office.tokens.microsoft.sim-url", sim.baseUrl());
    p.put("officeflow.office.tokens.microsoft.token-url", sim.oauthUrl() + "token");
    p.put("officeflow.office.tokens.microsoft.client-id", MICROSOFT_CLIENT);
    p.put("officeflow.office.quota.key-prefix", "test:" + UUID.randomUUID() + ":");
    p.put("officeflow.office.backfill.poll-interval", "200ms");
    p.put("officeflow.office.backfill.retry-backoff", "200ms");
    p.put("officeflow.office.backfill.max-retry-backoff", "1s");
    return p;
  }

  /** The OAuth client the office is to graph-sim in tests. */
  public static final String MICROSOFT_CLIENT = "officeflow-local";

  /** {@code shared} for one of several instances on the same catalog and database. */
  public static Map<String, Object> instance(Map<String, Object> shared, String name) {
    Map<String, Object> properties = new java.util.HashMap<>(shared);
    properties.put("officeflow.office.backfill.instance-id", name);
    return properties;
  }
}

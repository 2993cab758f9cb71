/**
 * Cross-service integration tests: google-sim, vespa-sim and the four services run as separate
 * processes from their exec jars, on free ports, against the test emulator, Redis and PostgreSQL,
 * with an isolated Pub/Sub catalog and fresh databases.
 */
@org.jspecify.annotations.NullMarked
package dev.officeflow.systemtests;

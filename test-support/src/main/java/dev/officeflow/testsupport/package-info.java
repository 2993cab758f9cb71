/**
 * Endpoints of the Pub/Sub emulator, Redis and PostgreSQL for integration tests: annotate a test
 * class with {@link dev.officeflow.testsupport.IntegrationTest} and read them from {@link
 * dev.officeflow.testsupport.Infrastructure}.
 */
@NullMarked
package dev.officeflow.testsupport;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code setup-pubsub} CLI: reads the catalog of {@code common-events}, compares it with the
 * topics and subscriptions that exist, and creates or updates what is missing or different.
 */
@NullMarked
package dev.officeflow.setuppubsub;

import org.jspecify.annotations.NullMarked;

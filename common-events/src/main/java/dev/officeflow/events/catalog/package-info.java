/** The Pub/Sub topics and subscriptions, as code. */
@NullMarked
package dev.officeflow.events.catalog;

import org.jspecify.annotations.NullMarked;

/** Change notifications: Gmail push to Pub/Sub topics and Calendar channel webhooks. */
@NullMarked
package dev.officeflow.googlesim.push;

import org.jspecify.annotations.NullMarked;

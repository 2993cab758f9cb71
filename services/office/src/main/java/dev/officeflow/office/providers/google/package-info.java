/**
 * Google's Gmail and Calendar APIs through the official clients: paced by the shared quota, retried
 * with jitter, refreshed once on 401, always off the event loop.
 */
@NullMarked
package dev.officeflow.office.providers.google;

import org.jspecify.annotations.NullMarked;

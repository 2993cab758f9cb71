/**
 * The Microsoft 365 adapter: Microsoft Graph v1.0 through the official SDK ({@code
 * com.microsoft.graph:microsoft-graph}), paced on Outlook's per-mailbox budget, retried with jitter
 * and Graph's {@code Retry-After}, refreshed once on 401, always off the event loop. Nothing
 * outside this package and its sub-packages knows Graph (ARCHITECTURE §13).
 */
@NullMarked
package dev.officeflow.office.providers.microsoft;

import org.jspecify.annotations.NullMarked;

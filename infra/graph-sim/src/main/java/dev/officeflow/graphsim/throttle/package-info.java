/**
 * Outlook's throttling per app and mailbox: a request budget per 10 minutes and a limit of
 * concurrent requests.
 */
@NullMarked
package dev.officeflow.graphsim.throttle;

import org.jspecify.annotations.NullMarked;

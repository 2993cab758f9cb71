/** {@code POST /v1/stream-tickets}. */
@NullMarked
package dev.officeflow.notifier.ticket.web;

import org.jspecify.annotations.NullMarked;

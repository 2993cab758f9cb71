/**
 * The one error vocabulary of every officeflow HTTP API: RFC 9457 problem details with a stable
 * {@code code} (ARCHITECTURE §8, SERVICES.md "Errors").
 */
@NullMarked
package dev.officeflow.runtime.web;

import org.jspecify.annotations.NullMarked;

/**
 * The HTTP layer every simulator shares: requests, responses, parameters, a prefix router whose
 * error bodies each simulator supplies ({@link dev.officeflow.simkit.web.ErrorStyle}), and the JDK
 * server with a bounded pool and latency that costs no thread.
 */
@NullMarked
package dev.officeflow.simkit.web;

import org.jspecify.annotations.NullMarked;

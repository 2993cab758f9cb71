/**
 * HTTP plumbing shared by every simulated API: requests, responses, Google error bodies, batch
 * requests.
 */
@NullMarked
package dev.officeflow.googlesim.web;

import org.jspecify.annotations.NullMarked;

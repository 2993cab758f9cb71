/**
 * Local stand-in for Google's OAuth 2.0, Gmail v1 and Calendar v3 REST APIs; start it with {@link
 * dev.officeflow.googlesim.GoogleSim#start}.
 */
@NullMarked
package dev.officeflow.googlesim;

import org.jspecify.annotations.NullMarked;

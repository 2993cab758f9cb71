/** A sample service for the shared web tests. */
@NullMarked
package dev.officeflow.runtime.web.sample;

import org.jspecify.annotations.NullMarked;

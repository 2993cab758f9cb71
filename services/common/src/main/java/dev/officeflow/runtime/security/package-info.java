/** Service-to-service credentials for the internal endpoints. */
@NullMarked
package dev.officeflow.runtime.security;

import org.jspecify.annotations.NullMarked;

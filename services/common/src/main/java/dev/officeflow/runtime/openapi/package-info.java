/**
 * What every service's OpenAPI document shares (issue 18): the RFC 9457 {@code Problem} schema as
 * every error response, the two bearer schemes (user JWT, service credential) applied by path, and
 * the JSON property names of the service's naming strategy. Active where a service has springdoc.
 */
@NullMarked
package dev.officeflow.runtime.openapi;

import org.jspecify.annotations.NullMarked;

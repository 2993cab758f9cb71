/**
 * The office's confirmation that it has purged a user ({@code
 * /internal/users/{id}/provider-release}).
 */
@NullMarked
package dev.officeflow.user.purge.web;

import org.jspecify.annotations.NullMarked;

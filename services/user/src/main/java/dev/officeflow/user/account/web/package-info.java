/** The caller's own account ({@code /v1/me}) and demo logins ({@code /v1/dev/session}). */
@NullMarked
package dev.officeflow.user.account.web;

import org.jspecify.annotations.NullMarked;

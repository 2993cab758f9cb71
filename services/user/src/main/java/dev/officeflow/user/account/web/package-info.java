/** The caller's own account ({@code /v1/me}). */
@NullMarked
package dev.officeflow.user.account.web;

import org.jspecify.annotations.NullMarked;

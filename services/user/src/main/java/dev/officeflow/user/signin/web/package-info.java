/**
 * {@code POST /v1/sessions/google} and {@code /v1/sessions/microsoft} (an ID token for a user JWT)
 * and the local profile's demo login {@code POST /v1/dev/session}; all open without a token.
 */
@NullMarked
package dev.officeflow.user.signin.web;

import org.jspecify.annotations.NullMarked;

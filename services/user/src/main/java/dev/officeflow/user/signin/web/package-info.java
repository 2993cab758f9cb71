/**
 * {@code POST /v1/sessions/google} (an ID token for a user JWT) and the local profile's demo login
 * {@code POST /v1/dev/session}; both open without a token.
 */
@NullMarked
package dev.officeflow.user.signin.web;

import org.jspecify.annotations.NullMarked;

/** The key set document other services validate user JWTs against. */
@NullMarked
package dev.officeflow.user.session.web;

import org.jspecify.annotations.NullMarked;

/** User JWT validation for the frontend-facing API. */
@NullMarked
package dev.officeflow.contacts.security;

import org.jspecify.annotations.NullMarked;

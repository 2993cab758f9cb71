/** The internal token API other services call with their service credential. */
@NullMarked
package dev.officeflow.user.token.web;

import org.jspecify.annotations.NullMarked;

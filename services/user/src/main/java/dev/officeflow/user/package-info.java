/** The user service application and what its features share (errors as JSON). */
@NullMarked
package dev.officeflow.user;

import org.jspecify.annotations.NullMarked;

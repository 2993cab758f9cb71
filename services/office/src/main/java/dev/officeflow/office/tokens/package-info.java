/** Where the office service gets a user's provider access token, and how it refreshes one. */
@NullMarked
package dev.officeflow.office.tokens;

import org.jspecify.annotations.NullMarked;

/** What the user service's tests run against: the service, google-sim, a clock, fixtures. */
@NullMarked
package dev.officeflow.user.testing;

import org.jspecify.annotations.NullMarked;

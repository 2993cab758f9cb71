/** Starting a connection (user JWT) and the provider's redirect back to this service (no JWT). */
@NullMarked
package dev.officeflow.user.connect.web;

import org.jspecify.annotations.NullMarked;

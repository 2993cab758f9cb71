/** The frontend's view of its integrations: list them, disconnect one. */
@NullMarked
package dev.officeflow.user.integration.web;

import org.jspecify.annotations.NullMarked;

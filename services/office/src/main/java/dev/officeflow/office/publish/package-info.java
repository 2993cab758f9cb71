/** How the office's publishers batch the events it publishes. */
@NullMarked
package dev.officeflow.office.publish;

import org.jspecify.annotations.NullMarked;

/** The shared service runtime of every officeflow service. */
@NullMarked
package dev.officeflow.runtime;

import org.jspecify.annotations.NullMarked;

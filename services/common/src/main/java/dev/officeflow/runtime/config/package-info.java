/** Spring auto-configuration of the runtime. */
@NullMarked
package dev.officeflow.runtime.config;

import org.jspecify.annotations.NullMarked;

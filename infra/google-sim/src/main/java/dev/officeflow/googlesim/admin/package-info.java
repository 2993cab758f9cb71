/** Admin operations (in-process and over /sim/...) and request counters. */
@NullMarked
package dev.officeflow.googlesim.admin;

import org.jspecify.annotations.NullMarked;

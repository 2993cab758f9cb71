/**
 * The user service application. Every sub-package is a feature (a Spring Modulith module) that
 * other features reach only through its top-level package.
 */
@NullMarked
package dev.officeflow.user;

import org.jspecify.annotations.NullMarked;

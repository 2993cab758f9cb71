/**
 * The operator's control of a service's consumers under {@code /internal/consumers} (service
 * credential required).
 */
@NullMarked
package dev.officeflow.runtime.consume.web;

import org.jspecify.annotations.NullMarked;

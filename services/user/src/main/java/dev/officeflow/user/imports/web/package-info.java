/** The operator's import route ({@code POST /internal/users/import}). */
@NullMarked
package dev.officeflow.user.imports.web;

import org.jspecify.annotations.NullMarked;

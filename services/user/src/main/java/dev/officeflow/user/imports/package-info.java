/**
 * Importing the reference services' users with the ids those services gave them, and their
 * integrations with status, scopes and tokens (encrypted like every other token), so that their
 * events need no mapping during the migration (issue 25). For operators only.
 */
@NullMarked
package dev.officeflow.user.imports;

import org.jspecify.annotations.NullMarked;

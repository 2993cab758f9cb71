/** People: who they are, and deleting everything about them. */
@NullMarked
package dev.officeflow.user.account;

import org.jspecify.annotations.NullMarked;

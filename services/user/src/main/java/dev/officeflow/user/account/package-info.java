/** People: who they are, demo logins, and deleting everything about them. */
@NullMarked
package dev.officeflow.user.account;

import org.jspecify.annotations.NullMarked;

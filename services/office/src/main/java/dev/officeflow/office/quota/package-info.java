/** Per-user provider quotas shared by every office instance, kept in Redis. */
@NullMarked
package dev.officeflow.office.quota;

import org.jspecify.annotations.NullMarked;

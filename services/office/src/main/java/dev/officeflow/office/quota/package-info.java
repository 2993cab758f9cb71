/**
 * Provider quotas, per user and per project, shared by every office instance in Redis; the count of
 * the provider's quota refusals.
 */
@NullMarked
package dev.officeflow.office.quota;

import org.jspecify.annotations.NullMarked;

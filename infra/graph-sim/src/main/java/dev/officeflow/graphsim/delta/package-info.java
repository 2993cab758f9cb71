/**
 * Graph's delta queries: rounds of pages linked by {@code @odata.nextLink} ({@code $skiptoken})
 * that end in an {@code @odata.deltaLink} ({@code $deltatoken}); later rounds return what changed
 * since, removals as {@code @removed} entries. Tokens are opaque, bound to one account and
 * resource, and expire ({@code 410 syncStateNotFound}).
 */
@NullMarked
package dev.officeflow.graphsim.delta;

import org.jspecify.annotations.NullMarked;

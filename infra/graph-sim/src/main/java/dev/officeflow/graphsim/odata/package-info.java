/**
 * The OData parts of Graph's REST surface that every resource shares: query options ({@code
 * $select}, {@code $filter} on {@code receivedDateTime}, {@code $top}, {@code $orderby}), {@code
 * Prefer} preferences, collection pages with {@code @odata.nextLink}, and Graph's error bodies.
 */
@NullMarked
package dev.officeflow.graphsim.odata;

import org.jspecify.annotations.NullMarked;

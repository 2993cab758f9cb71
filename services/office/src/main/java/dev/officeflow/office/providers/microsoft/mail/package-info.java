/**
 * Outlook mail in a backfill: the inbox and sent items of each window of the job's span, through
 * Graph's message listings ({@code $select}, {@code $filter} on {@code receivedDateTime}, {@code
 * $top}, {@code @odata.nextLink}), mapped to the same {@code Email} records as Gmail's.
 */
@NullMarked
package dev.officeflow.office.providers.microsoft.mail;

import org.jspecify.annotations.NullMarked;

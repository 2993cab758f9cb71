/**
 * The Outlook address book in a backfill: Graph's personal contacts ({@code /me/contacts}), mapped
 * to the same {@code Contact} records as Google's People API gives.
 */
@NullMarked
package dev.officeflow.office.providers.microsoft.contacts;

import org.jspecify.annotations.NullMarked;

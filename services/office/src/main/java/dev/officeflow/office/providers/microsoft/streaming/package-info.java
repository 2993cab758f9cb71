/**
 * Microsoft streaming (ARCHITECTURE §12 "Microsoft"): Graph change-notification subscriptions per
 * user and resource (inbox, sent items, events, contacts), kept by the streaming reconciler through
 * {@link MicrosoftStreamSource}; the public webhook ({@code /webhooks/microsoft/...}) that answers
 * Graph's validation handshake, checks each notification's {@code clientState} in constant time and
 * turns it into a delta round for that user and resource (the notification's content is never
 * trusted); delta links per user and resource ({@code microsoft_delta}, V12), a lost one (410)
 * resynced from scratch.
 */
@NullMarked
package dev.officeflow.office.providers.microsoft.streaming;

import org.jspecify.annotations.NullMarked;

/**
 * Graph's mail resources: {@code /me/messages}, {@code /me/mailFolders/{inbox|sentitems|id}} and
 * their messages (listing with {@code $select}, {@code $filter} on {@code receivedDateTime}, {@code
 * $orderby}, {@code $top}, {@code @odata.nextLink}), one message by id, and a folder's message
 * delta.
 */
@NullMarked
package dev.officeflow.graphsim.mail;

import org.jspecify.annotations.NullMarked;

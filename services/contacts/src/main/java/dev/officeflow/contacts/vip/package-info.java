/**
 * VIP scoring: recency-decayed, direction- and kind-weighted interactions; score bands and contact
 * events.
 */
@NullMarked
package dev.officeflow.contacts.vip;

import org.jspecify.annotations.NullMarked;

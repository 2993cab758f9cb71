/**
 * VIP scoring: recency-decayed, direction- and kind-weighted interactions, score bands, and the
 * scores stored per contact, which discovery writes and onboarding ranks by.
 */
@NullMarked
package dev.officeflow.contacts.vip;

import org.jspecify.annotations.NullMarked;

/**
 * Address normalisation and keyed hashing (per user, versioned), the identity of a contact; and the
 * address sealed under the user's own key (AES-GCM, crypto-erased with the user's salt), the only
 * form in which an address is stored, opened only to serve its user.
 */
@NullMarked
package dev.officeflow.contacts.address;

import org.jspecify.annotations.NullMarked;

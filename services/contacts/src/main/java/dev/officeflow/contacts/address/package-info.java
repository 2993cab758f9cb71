/**
 * Address normalisation and keyed hashing (per user, versioned): the only form in which addresses
 * are stored.
 */
@NullMarked
package dev.officeflow.contacts.address;

import org.jspecify.annotations.NullMarked;

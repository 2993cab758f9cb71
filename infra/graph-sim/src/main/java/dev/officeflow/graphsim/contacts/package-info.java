/** Graph's personal contacts: {@code /me/contacts}, one contact by id, and the contacts delta. */
@NullMarked
package dev.officeflow.graphsim.contacts;

import org.jspecify.annotations.NullMarked;

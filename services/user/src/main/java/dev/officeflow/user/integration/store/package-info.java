/**
 * The integration tables: {@code integrations}, {@code integration_tokens} (encrypted with the
 * token cipher) and {@code integration_audit}. Every query names the user it is for.
 */
@NullMarked
package dev.officeflow.user.integration.store;

import org.jspecify.annotations.NullMarked;

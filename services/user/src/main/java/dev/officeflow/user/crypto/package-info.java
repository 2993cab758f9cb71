/** Provider tokens at rest: AES-256-GCM with key ids for rotation, bound to user and provider. */
@NullMarked
package dev.officeflow.user.crypto;

import org.jspecify.annotations.NullMarked;

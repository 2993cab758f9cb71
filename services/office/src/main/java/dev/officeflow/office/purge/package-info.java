/**
 * Purging a deleted user (ARCHITECTURE §2, flow 6): forgotten, jobs deleted, watches and channels
 * stopped while the grant still works, Redis keys deleted, then the user service told to revoke.
 */
@NullMarked
package dev.officeflow.office.purge;

import org.jspecify.annotations.NullMarked;

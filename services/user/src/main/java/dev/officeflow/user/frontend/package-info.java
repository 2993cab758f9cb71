/**
 * The frontend's access from its own origin: the VIP page (served by the contacts service) lists
 * integrations and starts connecting with the user service's {@code /v1/**} API, cross-origin when
 * the two are not behind one ingress (local runs: 8083 and 8081).
 */
@NullMarked
package dev.officeflow.user.frontend;

import org.jspecify.annotations.NullMarked;

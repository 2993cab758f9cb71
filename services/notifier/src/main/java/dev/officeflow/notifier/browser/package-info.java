/**
 * What browsers on other origins may call: the VIP page is served by the contacts service, so the
 * page's calls to the notifier are cross-origin (CORS).
 */
@NullMarked
package dev.officeflow.notifier.browser;

import org.jspecify.annotations.NullMarked;

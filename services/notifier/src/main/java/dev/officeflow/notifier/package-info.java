/**
 * The notifier service: streams each signed-in user's job progress, item changes, VIP candidate
 * changes and integration status as Server-Sent Events (services/notifier/README.md).
 */
@NullMarked
package dev.officeflow.notifier;

import org.jspecify.annotations.NullMarked;

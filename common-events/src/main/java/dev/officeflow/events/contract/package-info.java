/**
 * The published contract: a JSON Schema per event type and an AsyncAPI document of the topics,
 * generated from the records and the catalog, shipped under {@code contract/} in this jar
 * (ARCHITECTURE §4).
 */
@NullMarked
package dev.officeflow.events.contract;

import org.jspecify.annotations.NullMarked;

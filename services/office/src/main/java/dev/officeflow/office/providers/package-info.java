/**
 * The provider adapters, one package each ({@code providers.google}): everything that knows a
 * provider's APIs, scopes, quota model and answers, behind the neutral interfaces of {@code
 * adapter}, {@code backfill}, {@code streaming}, {@code quota} and {@code lifecycle}. Nothing
 * outside this package depends on it (ARCHITECTURE §13; {@code ModuleBoundariesTest}).
 */
@NullMarked
package dev.officeflow.office.providers;

import org.jspecify.annotations.NullMarked;

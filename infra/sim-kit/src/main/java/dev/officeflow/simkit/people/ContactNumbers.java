package dev.officeflow.simkit.people;

import java.util.SplittableRandom;

/**
 * The 19-digit numbers that identify generated people ({@link PersonRecord#number()}), drawn from a
 * seeded random so a generated or edited address book is repeatable.
 */
public final class ContactNumbers {

  private ContactNumbers() {}

  /** A 19-digit number, as Google's contact resource names carry ({@code people/c<number>}). */
  public static String next(SplittableRandom random) {
    return Long.toString(1_000_000_000_000_000_000L + random.nextLong(8_000_000_000_000_000_000L));
  }
}

package dev.officeflow.simkit.mailbox;

import java.util.SplittableRandom;

/** Event ids in Google's alphabet: base32hex, lower case (a–v and 0–9). */
public final class EventIds {

  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuv";

  private EventIds() {}

  public static String next(SplittableRandom random) {
    StringBuilder out = new StringBuilder(26);
    for (int i = 0; i < 26; i++) {
      out.append(ALPHABET.charAt(random.nextInt(32)));
    }
    return out.toString();
  }
}

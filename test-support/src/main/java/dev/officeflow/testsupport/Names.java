package dev.officeflow.testsupport;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Unique names for Pub/Sub resources and databases, which outlive a single test. */
final class Names {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SUFFIX_LENGTH = 8;
  private static final int MAX_DATABASE_PREFIX = 40;

  private Names() {}

  /** {@code prefix-xxxxxxxx}: valid as a Pub/Sub topic or subscription name for a valid prefix. */
  static String unique(String prefix) {
    return requireText(prefix) + "-" + suffix();
  }

  /** A lower-case PostgreSQL identifier that needs no quoting: {@code prefix_xxxxxxxx}. */
  static String database(String prefix) {
    String cleaned = requireText(prefix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (!Character.isLetter(cleaned.charAt(0)) && cleaned.charAt(0) != '_') {
      cleaned = "db_" + cleaned;
    }
    if (cleaned.length() > MAX_DATABASE_PREFIX) {
      cleaned = cleaned.substring(0, MAX_DATABASE_PREFIX);
    }
    return cleaned + "_" + suffix();
  }

  private static String requireText(String prefix) {
    if (prefix.isBlank()) {
      throw new IllegalArgumentException("the name prefix is blank");
    }
    return prefix;
  }

  private static String suffix() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }
}

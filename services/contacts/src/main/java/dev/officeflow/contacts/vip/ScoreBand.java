package dev.officeflow.contacts.vip;

import java.util.Locale;

/** Coarse score levels; moving between them is announced with a {@code ContactEvent}. */
public enum ScoreBand {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  TOP;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ScoreBand fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  static ScoreBand of(double score, double[] thresholds) {
    if (score <= 0) {
      return NONE;
    }
    if (score >= thresholds[0]) {
      return TOP;
    }
    if (score >= thresholds[1]) {
      return HIGH;
    }
    return score >= thresholds[2] ? MEDIUM : LOW;
  }
}

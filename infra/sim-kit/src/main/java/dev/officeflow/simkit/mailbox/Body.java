package dev.officeflow.simkit.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The content of a leaf MIME part: text kept as is, or large binary made on demand from a seed. */
public sealed interface Body permits Body.Text, Body.Synthetic {

  /** Decoded size in bytes, as Gmail reports in {@code body.size}. */
  int size();

  byte[] bytes();

  /** UTF-8 text. */
  record Text(String text) implements Body {
    @Override
    public int size() {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * Deterministic pseudo-random bytes; big attachments are described, not stored, so a mailbox with
   * many megabyte messages stays small in memory.
   */
  record Synthetic(int size, long seed) implements Body {
    @Override
    public byte[] bytes() {
      byte[] out = new byte[size];
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < size; i += 8) {
        long bits = random.nextLong();
        for (int j = i; j < Math.min(size, i + 8); j++, bits >>>= 8) {
          out[j] = (byte) bits;
        }
      }
      return out;
    }
  }
}

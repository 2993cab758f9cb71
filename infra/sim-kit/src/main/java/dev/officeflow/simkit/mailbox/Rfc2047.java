package dev.officeflow.simkit.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * RFC 2047 encoded words, so generated headers carry non-ASCII text the way real mailers send it.
 */
final class Rfc2047 {

  /** An encoded word may be at most 75 characters; 45 source bytes keep B words under that. */
  private static final int CHUNK_BYTES = 45;

  private Rfc2047() {}

  static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }

  /** B-encoding, split into several words (separated by a space) when long. */
  static String encodeB(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int length = chunk.toString().getBytes(StandardCharsets.UTF_8).length;
      if (length + ch.getBytes(StandardCharsets.UTF_8).length > CHUNK_BYTES) {
        words.add(bWord(chunk.toString()));
        chunk.setLength(0);
      }
      chunk.append(ch);
      i += Character.charCount(cp);
    }
    if (!chunk.isEmpty()) {
      words.add(bWord(chunk.toString()));
    }
    return String.join(" ", words);
  }

  private static String bWord(String text) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  /** Q-encoding (one word; used for short names). */
  static String encodeQ(String text) {
    StringBuilder out = new StringBuilder("=?UTF-8?Q?");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == ' ') {
        out.append('_');
      } else if (c < 128 && Character.isLetterOrDigit(c)) {
        out.append((char) c);
      } else {
        out.append('=').append(String.format("%02X", c));
      }
    }
    return out.append("?=").toString();
  }
}

package dev.officeflow.office.normalize;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?UTF-8?B?...?=}, {@code =?iso-8859-1?Q?...?=}). Lenient
 * like mail clients: words inside quoted strings are decoded too (Gmail leaves those encoded), a
 * character split across adjacent words of one charset is joined, and a word that cannot be decoded
 * stays as written. Never throws.
 *
 * <p>Hand-written because the libraries lose text (issue 18): mime4j's {@code DecoderUtil} and
 * Jakarta Mail's {@code MimeUtility} turn a malformed word into nothing; mime4j leaves RFC 2231's
 * {@code charset*lang} words encoded; Jakarta Mail fails the whole text on an unknown charset and
 * decodes words inside quotes only with a JVM-wide system property.
 */
public final class EncodedWords {

  private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("[ \\t\\r\\n]+");

  private EncodedWords() {}

  /** The text with every decodable encoded word replaced by what it encodes. */
  public static String decode(String text) {
    if (!text.contains("=?")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(text);
    int last = 0;
    Pending pending = null;
    while (m.find()) {
      String gap = text.substring(last, m.start());
      Optional<Word> word = Word.of(m.group(1), m.group(2), m.group(3));
      boolean adjacent = pending != null && BETWEEN_WORDS.matcher(gap).matches();
      if (word.isPresent() && adjacent && pending.charset.equals(word.get().charset)) {
        pending.bytes.writeBytes(word.get().bytes);
      } else {
        if (pending != null) {
          out.append(pending.text());
          pending = null;
        }
        // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
        out.append(adjacent && word.isPresent() ? "" : gap);
        if (word.isPresent()) {
          pending = new Pending(word.get().charset);
          pending.bytes.writeBytes(word.get().bytes);
        } else {
          out.append(m.group());
        }
      }
      last = m.end();
    }
    if (pending != null) {
      out.append(pending.text());
    }
    return out.append(text.substring(last)).toString();
  }

  private static final class Pending {
    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Pending(Charset charset) {
      this.charset = charset;
    }

    String text() {
      return new String(bytes.toByteArray(), charset);
    }
  }

  private record Word(Charset charset, byte[] bytes) {

    static Optional<Word> of(String charsetName, String encoding, String payload) {
      Optional<Charset> charset = charset(charsetName);
      if (charset.isEmpty()) {
        return Optional.empty();
      }
      try {
        byte[] bytes = encoding.equalsIgnoreCase("B") ? base64(payload) : quotedPrintable(payload);
        return Optional.of(new Word(charset.get(), bytes));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private static Optional<Charset> charset(String name) {
      // RFC 2231 allows a language suffix: =?UTF-8*en?Q?...?=
      String bare = name.contains("*") ? name.substring(0, name.indexOf('*')) : name;
      try {
        return Optional.of(Charset.forName(bare.toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private static byte[] base64(String payload) {
      String padded = payload;
      while (padded.length() % 4 != 0) {
        padded += "=";
      }
      return Base64.getDecoder().decode(padded);
    }

    private static byte[] quotedPrintable(String payload) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < payload.length(); i++) {
        char c = payload.charAt(i);
        if (c == '_') {
          out.write(' ');
        } else if (c == '=' && i + 2 < payload.length()) {
          out.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
          i += 2;
        } else if (c == '=') {
          throw new IllegalArgumentException("truncated escape");
        } else {
          out.write(c & 0xff);
        }
      }
      return out.toByteArray();
    }
  }
}

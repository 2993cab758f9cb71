package dev.officeflow.simkit.mailbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a MIME tree as RFC 822 text: what {@code format=raw} returns and what sizes are measured
 * on.
 */
public final class Rfc822 {

  private static final byte[] CRLF = {'\r', '\n'};

  private Rfc822() {}

  public static byte[] render(MimePart root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(root, out::writeBytes);
    return out.toByteArray();
  }

  /** The rendered size, without keeping the bytes. */
  public static int size(MimePart root) {
    Counter counter = new Counter();
    write(root, counter);
    return (int) Math.min(Integer.MAX_VALUE, counter.count);
  }

  private static void write(MimePart part, Sink out) {
    for (Header h : part.headers()) {
      ascii(out, h.name() + ": " + h.raw());
      crlf(out);
    }
    crlf(out);
    if (part.isMultipart()) {
      for (MimePart child : part.parts()) {
        ascii(out, "--" + part.boundary());
        crlf(out);
        write(child, out);
        crlf(out);
      }
      ascii(out, "--" + part.boundary() + "--");
      crlf(out);
    } else if (part.body() != null) {
      writeBody(part, part.body(), out);
    }
  }

  private static void writeBody(MimePart part, Body body, Sink out) {
    boolean base64 =
        part.header("Content-Transfer-Encoding")
            .map(v -> v.equalsIgnoreCase("base64"))
            .orElse(false);
    if (base64 && out instanceof Counter counter) {
      counter.count += base64Length(body.size()) + CRLF.length;
      return;
    }
    byte[] bytes = body.bytes();
    if (!base64) {
      out.writeBytes(bytes);
      crlf(out);
      return;
    }
    byte[] encoded = Base64.getMimeEncoder(76, CRLF).encode(bytes);
    out.writeBytes(encoded);
    crlf(out);
  }

  private static void ascii(Sink out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void crlf(Sink out) {
    out.writeBytes(CRLF);
  }

  /** MIME base64: 4 characters per 3 bytes, CRLF between 76-character lines. */
  static long base64Length(long size) {
    long chars = 4 * ((size + 2) / 3);
    return chars == 0 ? 0 : chars + 2 * ((chars - 1) / 76);
  }

  /** Where rendered bytes go: a buffer, or a counter when only the size matters. */
  @FunctionalInterface
  private interface Sink {
    void writeBytes(byte[] bytes);
  }

  /** Counts instead of writing, so sizing a megabyte attachment does not make its bytes. */
  private static final class Counter implements Sink {
    private long count;

    @Override
    public void writeBytes(byte[] bytes) {
      count += bytes.length;
    }
  }
}

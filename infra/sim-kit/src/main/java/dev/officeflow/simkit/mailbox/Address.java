package dev.officeflow.simkit.mailbox;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mailbox address with an optional display name, and how it is written in a header.
 *
 * @param encoding how a non-ASCII name is written in the raw message
 */
public record Address(String name, String email, NameEncoding encoding) {

  /** How a display name appears in the raw header. */
  public enum NameEncoding {
    /** {@code =?UTF-8?B?...?=}; the API shows the decoded name. */
    BASE64_WORD,
    /** {@code =?UTF-8?Q?...?=}; the API shows the decoded name. */
    Q_WORD,
    /**
     * An encoded word inside quotes, which RFC 2047 forbids and which Gmail therefore leaves
     * encoded in the API view: parsers must cope with it.
     */
    QUOTED_WORD
  }

  private static final String SPECIALS = "()<>[]:;@\\,.\"";

  public static Address of(String name, String email) {
    return new Address(name, email, NameEncoding.BASE64_WORD);
  }

  /** The header text the Gmail API shows. */
  public String apiForm() {
    if (name.isEmpty()) {
      return email;
    }
    if (!Rfc2047.isAscii(name) && encoding == NameEncoding.QUOTED_WORD) {
      return rawForm();
    }
    return phrase(name) + " <" + email + ">";
  }

  /** The header text of the RFC 822 message. */
  public String rawForm() {
    if (name.isEmpty()) {
      return email;
    }
    if (Rfc2047.isAscii(name)) {
      return phrase(name) + " <" + email + ">";
    }
    String word =
        switch (encoding) {
          case BASE64_WORD -> Rfc2047.encodeB(name);
          case Q_WORD -> Rfc2047.encodeQ(name);
          case QUOTED_WORD -> "\"" + Rfc2047.encodeQ(name) + "\"";
        };
    return word + " <" + email + ">";
  }

  private static String phrase(String name) {
    boolean needsQuotes = name.chars().anyMatch(c -> SPECIALS.indexOf(c) >= 0);
    if (!needsQuotes) {
      return name;
    }
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public static Header header(String headerName, List<Address> addresses) {
    String api = addresses.stream().map(Address::apiForm).collect(Collectors.joining(", "));
    String raw = addresses.stream().map(Address::rawForm).collect(Collectors.joining(", "));
    return new Header(headerName, api, raw);
  }
}

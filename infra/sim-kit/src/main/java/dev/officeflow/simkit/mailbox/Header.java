package dev.officeflow.simkit.mailbox;

/**
 * A message header. {@code value} is what the Gmail API shows (encoded words decoded), {@code raw}
 * what the RFC 822 text carries (possibly RFC 2047 encoded); they differ only for non-ASCII text.
 */
public record Header(String name, String value, String raw) {

  public static Header of(String name, String value) {
    return new Header(name, value, value);
  }
}

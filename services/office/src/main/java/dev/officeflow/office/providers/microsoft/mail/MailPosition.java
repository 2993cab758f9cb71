package dev.officeflow.office.providers.microsoft.mail;

import org.jspecify.annotations.Nullable;

/**
 * Where the mail phase stands inside a window, as the checkpoint's page token: the folder and the
 * {@code @odata.nextLink} of its next page ({@code inbox;https://graph...}), the link empty on a
 * folder's first page. The link is Graph's own (it carries the filter, {@code $select}, {@code
 * $top} and a keyset {@code $skiptoken}), so a resumed run asks for exactly the page it stood at.
 */
record MailPosition(MailFolder folder, @Nullable String nextLink) {

  /** A window's first page: the inbox's. */
  static final MailPosition START = new MailPosition(MailFolder.INBOX, null);

  static MailPosition parse(@Nullable String token) {
    if (token == null || token.isEmpty()) {
      return START;
    }
    int semicolon = token.indexOf(';');
    if (semicolon < 0) {
      throw new IllegalArgumentException("not a mail checkpoint: " + token);
    }
    String link = token.substring(semicolon + 1);
    return new MailPosition(
        MailFolder.fromWire(token.substring(0, semicolon)), link.isEmpty() ? null : link);
  }

  String wire() {
    return folder.wellKnownName() + ";" + (nextLink == null ? "" : nextLink);
  }

  /**
   * Where to go after a page whose next link is {@code link}: its next page, else the next folder's
   * first, else nowhere (null: the window is read).
   */
  static @Nullable MailPosition after(MailFolder folder, @Nullable String link) {
    if (link != null) {
      return new MailPosition(folder, link);
    }
    return folder.next().map(f -> new MailPosition(f, null)).orElse(null);
  }
}

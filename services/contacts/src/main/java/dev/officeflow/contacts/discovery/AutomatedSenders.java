package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.address.NormalizedAddress;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises mail from machines and lists, which is flagged and never ranked: {@code
 * List-Unsubscribe}, {@code Precedence: bulk|list|junk}, {@code Auto-Submitted} (other than {@code
 * no}), and no-reply, notification, mailer-daemon and bounce local parts.
 */
final class AutomatedSenders {

  private static final Pattern AUTOMATED_LOCAL_PART =
      Pattern.compile(
          "^(no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|mailer[-_.]?daemon"
              + "|postmaster|bounces?)([-_.+].*)?$|.*(noreply|no-reply|donotreply).*");

  private AutomatedSenders() {}

  /** True when the headers mark the message as sent by a machine or a list. */
  static boolean automatedHeaders(Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      String value = header.getValue().strip().toLowerCase(Locale.ROOT);
      boolean automated =
          switch (name) {
            case "list-unsubscribe" -> true;
            case "precedence" ->
                value.equals("bulk") || value.equals("list") || value.equals("junk");
            case "auto-submitted" -> !value.isEmpty() && !value.equals("no");
            default -> false;
          };
      if (automated) {
        return true;
      }
    }
    return false;
  }

  /** True when the address itself says nobody reads it. */
  static boolean automatedAddress(NormalizedAddress address) {
    return AUTOMATED_LOCAL_PART.matcher(address.localPart()).matches();
  }
}

package dev.officeflow.office.providers.microsoft.mail;

import com.microsoft.graph.models.FollowupFlagStatus;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import dev.officeflow.events.Email;
import dev.officeflow.office.normalize.AddressList;
import dev.officeflow.office.normalize.AddressParser;
import dev.officeflow.office.normalize.NamedAddress;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A Graph {@code message} as the same {@link Email} Gmail's become: each recipient's {@code
 * emailAddress {name, address}} written as a mailbox, {@code "Name" <addr>}, and read by the
 * office's one address parser (so addresses are lower-cased, checked and deduplicated, and
 * unreadable ones dropped and counted, exactly as for Gmail's headers); {@code conversationId} as
 * the thread, {@code categories} as the labels, {@code isRead}, {@code flag} as starred, {@code
 * hasAttachments}, {@code internetMessageId} as the {@code Message-ID} header. Exchange writes the
 * address as the name of a recipient without one; such a name is no display name.
 */
public final class MessageMapper {

  private MessageMapper() {}

  /**
   * The email, whether the account sent it, and how many address entries were unreadable; empty
   * when the message lacks an id or a received time.
   *
   * @param sentItems the message was listed in the sent items folder
   */
  public static Optional<MappedEmail> map(Message m, String account, boolean sentItems) {
    if (m.getId() == null || m.getReceivedDateTime() == null) {
      return Optional.empty();
    }
    AddressList from = parse(m.getFrom() == null ? List.of() : List.of(m.getFrom()));
    AddressList to = parse(m.getToRecipients());
    AddressList cc = parse(m.getCcRecipients());
    AddressList bcc = parse(m.getBccRecipients());
    String fromAddress = from.first().map(NamedAddress::address).orElse(null);
    Email email =
        new Email(
            MicrosoftScopes.PROVIDER + "_" + m.getId(),
            m.getConversationId(),
            m.getSubject(),
            null,
            fromAddress,
            to.bare(),
            cc.bare(),
            bcc.bare(),
            m.getReceivedDateTime().toInstant(),
            Optional.ofNullable(m.getSentDateTime()).map(OffsetDateTime::toInstant).orElse(null),
            m.getCategories() == null ? List.of() : List.copyOf(m.getCategories()),
            Boolean.TRUE.equals(m.getIsRead()),
            m.getFlag() != null && m.getFlag().getFlagStatus() == FollowupFlagStatus.Flagged,
            Boolean.TRUE.equals(m.getHasAttachments()),
            MicrosoftScopes.PROVIDER,
            m.getId(),
            null,
            null,
            headers(m),
            names(from, to, cc, bcc));
    boolean outbound =
        sentItems || (fromAddress != null && fromAddress.equalsIgnoreCase(account.trim()));
    int dropped = from.dropped() + to.dropped() + cc.dropped() + bcc.dropped();
    return Optional.of(new MappedEmail(email, outbound, dropped));
  }

  /** The recipients as one address header, for the parser. */
  static AddressList parse(@Nullable List<Recipient> recipients) {
    if (recipients == null || recipients.isEmpty()) {
      return AddressList.EMPTY;
    }
    String header =
        recipients.stream()
            .map(MessageMapper::mailbox)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(", "));
    return AddressParser.parse(header);
  }

  /** {@code "Name" <addr>}, or {@code <addr>} without a real name; null without an address. */
  static @Nullable String mailbox(Recipient r) {
    if (r.getEmailAddress() == null) {
      return null;
    }
    String address = r.getEmailAddress().getAddress();
    String name = r.getEmailAddress().getName();
    if (address == null || address.isBlank()) {
      // An entry with only a name: the parser drops and counts it like a header's.
      return name == null || name.isBlank() ? null : quoted(name);
    }
    boolean named =
        name != null && !name.isBlank() && !name.trim().equalsIgnoreCase(address.trim());
    return (named ? quoted(name.trim()) + " " : "") + "<" + address.trim() + ">";
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, String> headers(Message m) {
    Map<String, String> out = new LinkedHashMap<>();
    if (m.getInternetMessageId() != null && !m.getInternetMessageId().isBlank()) {
      out.put("Message-ID", m.getInternetMessageId());
    }
    if (m.getImportance() != null) {
      String importance = m.getImportance().getValue().toLowerCase(Locale.ROOT);
      if (!importance.equals("normal")) {
        out.put("Importance", importance);
      }
    }
    return out;
  }

  private static Map<String, String> names(AddressList... lists) {
    Map<String, String> names = new LinkedHashMap<>();
    for (AddressList list : lists) {
      list.displayNames().forEach(names::putIfAbsent);
    }
    return names;
  }

  /**
   * An email as mapped.
   *
   * @param outbound the account sent it (listed in sent items, or its own address in From)
   * @param droppedAddresses address entries that held no valid address
   */
  public record MappedEmail(Email email, boolean outbound, int droppedAddresses) {}
}

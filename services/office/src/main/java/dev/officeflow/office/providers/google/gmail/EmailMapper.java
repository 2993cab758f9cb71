package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import dev.officeflow.events.Email;
import dev.officeflow.office.normalize.AddressList;
import dev.officeflow.office.normalize.AddressParser;
import dev.officeflow.office.normalize.EncodedWords;
import dev.officeflow.office.normalize.MailDates;
import dev.officeflow.office.normalize.NamedAddress;
import dev.officeflow.office.normalize.OwnAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A Gmail {@code Message} (format {@code metadata} or {@code full}) as an {@link Email}: bare
 * addresses with their display names, thread, labels, read/starred flags, the headers consumers use
 * (threading, mailing lists, automation) and, in {@code full} format, the text body.
 */
public final class EmailMapper {

  public static final String PROVIDER = "google";

  /** The headers asked for with {@code format=metadata}. */
  public static final List<String> METADATA_HEADERS =
      List.of(
          "From",
          "To",
          "Cc",
          "Bcc",
          "Reply-To",
          "Subject",
          "Date",
          "Message-ID",
          "In-Reply-To",
          "References",
          "List-Id",
          "List-Unsubscribe",
          "List-Unsubscribe-Post",
          "Precedence",
          "Auto-Submitted");

  /** The headers an email event carries in {@code headers}; addresses and subject have fields. */
  private static final Set<String> KEPT =
      METADATA_HEADERS.stream()
          .filter(h -> !Set.of("From", "To", "Cc", "Bcc", "Subject").contains(h))
          .map(h -> h.toLowerCase(Locale.ROOT))
          .collect(Collectors.toSet());

  private EmailMapper() {}

  /**
   * The email, whether the account sent it, and how many address entries were unreadable; empty
   * when the message lacks what every email event needs (id, internal date).
   */
  public static Optional<MappedEmail> map(Message message, String account) {
    if (message.getId() == null || message.getInternalDate() == null) {
      return Optional.empty();
    }
    MessagePart payload = message.getPayload();
    Map<String, String> headers = headers(payload);
    AddressList from = AddressParser.parse(headers.get("from"));
    AddressList to = AddressParser.parse(headers.get("to"));
    AddressList cc = AddressParser.parse(headers.get("cc"));
    AddressList bcc = AddressParser.parse(headers.get("bcc"));
    List<String> labels = message.getLabelIds() == null ? List.of() : message.getLabelIds();
    String fromAddress = from.first().map(NamedAddress::address).orElse(null);
    Email email =
        new Email(
            PROVIDER + "_" + message.getId(),
            message.getThreadId(),
            Optional.ofNullable(headers.get("subject")).map(EncodedWords::decode).orElse(null),
            MessageBodies.text(payload).orElse(null),
            fromAddress,
            to.bare(),
            cc.bare(),
            bcc.bare(),
            Instant.ofEpochMilli(message.getInternalDate()),
            Optional.ofNullable(headers.get("date")).flatMap(MailDates::parse).orElse(null),
            labels,
            !labels.contains("UNREAD"),
            labels.contains("STARRED"),
            MessageBodies.hasAttachments(payload),
            PROVIDER,
            message.getId(),
            message.getSizeEstimate() == null ? null : message.getSizeEstimate().longValue(),
            payload == null ? null : payload.getMimeType(),
            kept(payload),
            names(from, to, cc, bcc));
    boolean outbound =
        labels.contains("SENT")
            || (fromAddress != null && OwnAddress.matches(fromAddress, account));
    int dropped = from.dropped() + to.dropped() + cc.dropped() + bcc.dropped();
    return Optional.of(new MappedEmail(email, outbound, dropped));
  }

  /** Header values by lower-case name; repeated address headers are joined. */
  private static Map<String, String> headers(@Nullable MessagePart payload) {
    Map<String, String> out = new LinkedHashMap<>();
    for (MessagePartHeader h : headerList(payload)) {
      if (h.getName() != null && h.getValue() != null) {
        out.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
      }
    }
    return out;
  }

  private static Map<String, String> kept(@Nullable MessagePart payload) {
    Map<String, String> out = new LinkedHashMap<>();
    for (MessagePartHeader h : headerList(payload)) {
      if (h.getName() != null && h.getValue() != null) {
        if (KEPT.contains(h.getName().toLowerCase(Locale.ROOT))) {
          out.putIfAbsent(h.getName(), h.getValue());
        }
      }
    }
    return out;
  }

  private static List<MessagePartHeader> headerList(@Nullable MessagePart payload) {
    return payload == null || payload.getHeaders() == null ? List.of() : payload.getHeaders();
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
   * @param outbound the account sent it (SENT label, or its own address in From)
   * @param droppedAddresses address entries that held no valid address
   */
  public record MappedEmail(Email email, boolean outbound, int droppedAddresses) {}
}

package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.address.AddressCipher;
import dev.officeflow.contacts.address.SealedAddress;
import dev.officeflow.contacts.address.UnreadableAddressException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the sealed addresses of the contacts served to their own user, and only then: the caller
 * passes the user of the request's JWT and that user's salt, and a row of anyone else's would not
 * open (the user is part of the key and of the associated data). An address that does not open is
 * served as null rather than failing the list: counted in {@code
 * officeflow.contacts.addresses.unreadable} by reason and logged once per request with the first
 * reason (contact hash and key id, never an address).
 */
final class AddressOpener {

  private static final Logger log = LoggerFactory.getLogger(AddressOpener.class);

  /** A contact's hash and its sealed address as read, null before it has one. */
  record Sealed(String contactHash, @Nullable SealedAddress address) {}

  private final AddressCipher cipher;
  private final Map<UnreadableAddressException.Reason, Counter> unreadable =
      new EnumMap<>(UnreadableAddressException.Reason.class);

  AddressOpener(AddressCipher cipher, MeterRegistry meters) {
    this.cipher = cipher;
    for (UnreadableAddressException.Reason reason : UnreadableAddressException.Reason.values()) {
      unreadable.put(
          reason,
          Counter.builder("officeflow.contacts.addresses.unreadable")
              .description("stored contact addresses that did not open while serving their user")
              .tag("reason", reason.wire())
              .register(meters));
    }
  }

  /** The addresses of {@code rows} for {@code userId}, in order; null where none opens. */
  List<@Nullable String> open(String userId, byte @Nullable [] salt, List<Sealed> rows) {
    List<@Nullable String> out = new ArrayList<>(rows.size());
    AddressCipher.UserKeys keys = salt == null ? null : cipher.forUser(userId, salt);
    UnreadableAddressException first = null;
    int failed = 0;
    for (Sealed row : rows) {
      String address = null;
      if (row.address() != null) {
        try {
          if (keys == null) {
            throw UnreadableAddressException.noUserKey(userId, row.contactHash());
          }
          address = keys.open(row.contactHash(), row.address());
        } catch (UnreadableAddressException e) {
          unreadable.get(e.reason()).increment();
          first = first == null ? e : first;
          failed++;
        }
      }
      out.add(address);
    }
    if (first != null) {
      log.warn(
          "{} of {} contact addresses of user {} did not open and are served without: {}",
          failed,
          rows.size(),
          userId,
          first.getMessage());
    }
    return out;
  }

  /** The sealed address of a row with {@code address_ciphertext} and {@code address_key_id}. */
  static @Nullable SealedAddress sealed(Readable row) {
    String keyId = row.get("address_key_id", String.class);
    byte[] ciphertext = bytes(row, "address_ciphertext");
    return keyId == null || ciphertext == null ? null : new SealedAddress(keyId, ciphertext);
  }

  /** A {@code bytea} column's value, null when null. */
  static byte @Nullable [] bytes(Readable row, String column) {
    ByteBuffer value = row.get(column, ByteBuffer.class);
    if (value == null) {
      return null;
    }
    byte[] out = new byte[value.remaining()];
    value.get(out);
    return out;
  }
}

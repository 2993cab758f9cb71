package dev.officeflow.contacts.address;

import dev.officeflow.contacts.address.UnreadableAddressException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals contact addresses so that only their user's requests read them. Each user has a random
 * 32-byte salt of their own ({@code user_address_keys}, {@link UserAddressKeys}); their key under a
 * master key {@code k} is HKDF-SHA256 (RFC 5869) with that salt, the master key as input keying
 * material and the info {@code "officeflow contact address v1:<k>:<user id>"}. An address is
 * AES-256-GCM with a random 96-bit nonce and the user and contact hash as associated data (a value
 * copied to another row or user does not open), stored with the master key's id ({@link
 * SealedAddress}). Deleting the user's salt (the purge) makes every copy of their addresses
 * unreadable, the master keys notwithstanding: crypto-erase. Thread-safe.
 */
public final class AddressCipher {

  /** The length of a user's salt, and of every key. */
  public static final int SALT_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String INFO = "officeflow contact address v1:";
  private static final String AAD = "officeflow contact address v1";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final Map<String, byte[]> masterKeys;
  private final String currentKeyId;
  private final SecureRandom random = new SecureRandom();

  /** Fails, naming the setting, unless the current key id names one of the configured keys. */
  AddressCipher(AddressEncryptionSettings settings) {
    if (settings.keys().isEmpty()) {
      throw new IllegalArgumentException(
          "officeflow.contacts.address.encryption.keys: no key configured (id → base64 of 32"
              + " random bytes); the local profile has a development key, every deployment its"
              + " own");
    }
    Map<String, byte[]> parsed = new TreeMap<>();
    settings.keys().forEach((id, base64) -> parsed.put(id, masterKey(id, base64)));
    if (!parsed.containsKey(settings.currentKeyId())) {
      throw new IllegalArgumentException(
          "officeflow.contacts.address.encryption.current-key-id '"
              + settings.currentKeyId()
              + "' is not among the configured keys "
              + parsed.keySet());
    }
    this.masterKeys = parsed;
    this.currentKeyId = settings.currentKeyId();
  }

  /** The master key id every address is sealed under now. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** A fresh random salt for a user who has none yet. */
  public byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  /** The keys of {@code userId}, whose salt is {@code salt}; derived as they are first used. */
  public UserKeys forUser(String userId, byte[] salt) {
    return new UserKeys(userId, salt.clone());
  }

  /** One user's address keys, one per master key; for one request or one batch. Thread-safe. */
  public final class UserKeys {

    private final String userId;
    private final byte[] salt;
    private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();

    private UserKeys(String userId, byte[] salt) {
      this.userId = userId;
      this.salt = salt;
    }

    /** {@code address} sealed under the current master key for this user's {@code contactHash}. */
    public SealedAddress seal(String contactHash, String address) {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      byte[] sealed =
          crypt(Cipher.ENCRYPT_MODE, key(currentKeyId), nonce, contactHash, utf8(address));
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new SealedAddress(currentKeyId, out);
    }

    /**
     * The address {@code sealed} holds for this user's {@code contactHash}.
     *
     * @throws UnreadableAddressException when its master key is not configured, or it does not open
     *     for this user and contact
     */
    public String open(String contactHash, SealedAddress sealed) {
      if (!masterKeys.containsKey(sealed.keyId())) {
        throw new UnreadableAddressException(
            Reason.UNKNOWN_KEY_ID,
            "the address of contact "
                + contactHash
                + " of user "
                + userId
                + " was sealed under key id '"
                + sealed.keyId()
                + "', which is not configured (configured: "
                + masterKeys.keySet()
                + "); add it to officeflow.contacts.address.encryption.keys to read it");
      }
      byte[] value = sealed.ciphertext();
      if (value.length <= NONCE_BYTES) {
        throw doesNotOpen(contactHash, sealed.keyId(), "too short: " + value.length + " bytes");
      }
      byte[] nonce = Arrays.copyOf(value, NONCE_BYTES);
      byte[] body = Arrays.copyOfRange(value, NONCE_BYTES, value.length);
      try {
        return new String(
            crypt(Cipher.DECRYPT_MODE, key(sealed.keyId()), nonce, contactHash, body),
            StandardCharsets.UTF_8);
      } catch (BadTag e) {
        throw doesNotOpen(contactHash, sealed.keyId(), "wrong key material, row or data");
      }
    }

    private SecretKeySpec key(String keyId) {
      return derived.computeIfAbsent(
          keyId,
          id -> {
            byte[] prk = Hkdf.extract(salt, masterKeys.get(id));
            byte[] info = (INFO + id + ":" + userId).getBytes(StandardCharsets.UTF_8);
            return new SecretKeySpec(Hkdf.expand(prk, info, KEY_BYTES), "AES");
          });
    }

    private byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String hash, byte[] input) {
      try {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        // NUL cannot occur in a user id or a contact hash, so no two pairs give the same bytes.
        cipher.updateAAD(utf8(AAD + "\u0000" + userId + "\u0000" + hash));
        return cipher.doFinal(input);
      } catch (AEADBadTagException e) {
        throw new BadTag();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM unavailable", e);
      }
    }

    private UnreadableAddressException doesNotOpen(String hash, String keyId, String why) {
      return new UnreadableAddressException(
          Reason.DOES_NOT_OPEN,
          "the address of contact "
              + hash
              + " of user "
              + userId
              + " (key id '"
              + keyId
              + "') does not open: "
              + why);
    }
  }

  private static byte[] masterKey(String id, String base64) {
    if (!KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "address encryption key id must be 1 to 64 of A-Z a-z 0-9 . _ -, not '" + id + "'");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("address encryption key '" + id + "' is not base64", e);
    }
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "address encryption key '" + id + "' must be 32 bytes, not " + raw.length);
    }
    return raw;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A failed tag check, turned into a clear {@link UnreadableAddressException} by the caller. */
  private static final class BadTag extends RuntimeException {
    BadTag() {
      super(null, null, false, false);
    }
  }
}

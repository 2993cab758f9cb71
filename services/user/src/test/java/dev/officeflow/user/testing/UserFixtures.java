package dev.officeflow.user.testing;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test data: unique addresses, google-sim accounts, encryption and signing keys, caller tokens. */
public final class UserFixtures {

  /** The office service's caller token, the one caller of the token API. */
  public static final String OFFICE_TOKEN = "test-office-token";

  /** Another service's token (the local profile's for contacts): a caller the token API refuses. */
  public static final String CONTACTS_TOKEN = "local-dev-contacts-token";

  /** The operator's credential under the local profile (services-common's local defaults). */
  public static final String OPERATOR_TOKEN = "local-dev-operator-token";

  public static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  public static final String CALENDAR_READONLY =
      "https://www.googleapis.com/auth/calendar.readonly";
  public static final String GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send";

  private static final SecureRandom RANDOM = new SecureRandom();

  private UserFixtures() {}

  /** A fresh address, so tests that share a service never share a user. */
  public static String email(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
  }

  /** A google-sim account with an empty mailbox (the user service reads no mail). */
  public static AccountSpec account(String email) {
    return AccountSpec.of(email).withMailbox(new MailboxSpec(1, 0, 0, 0, 0));
  }

  /** An account whose owner declines on the consent screen. */
  public static AccountSpec decliningAccount(String email) {
    return account(email).withDenyConsent(true);
  }

  /** A random AES-256 key, base64. */
  public static String aesKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A fresh 2048-bit RSA private key as PKCS#8 PEM: a user JWT signing key. */
  public static String rsaPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has RSA", e);
    }
  }

  /** The properties of user JWT signing keys: {@code keys} by kid, {@code current} signs. */
  public static Map<String, Object> sessionKeys(String current, Map<String, String> keys) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("officeflow.user.session.current-key-id", current);
    keys.forEach((kid, pem) -> properties.put("officeflow.user.session.keys." + kid, pem));
    return properties;
  }

  /** Encryption settings: the keys by id and which one is current. */
  public record Keys(String current, Map<String, String> byId) {

    public static Keys only(String id, String key) {
      return new Keys(id, Map.of(id, key));
    }
  }
}

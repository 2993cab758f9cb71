package dev.officeflow.user.testing;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.mailbox.MailboxSpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Test data: unique addresses, google-sim accounts, encryption keys. */
public final class UserFixtures {

  public static final String SERVICE_TOKEN = "test-service-token";
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

  /** Encryption settings: the keys by id and which one is current. */
  public record Keys(String current, Map<String, String> byId) {

    public static Keys only(String id, String key) {
      return new Keys(id, Map.of(id, key));
    }
  }
}

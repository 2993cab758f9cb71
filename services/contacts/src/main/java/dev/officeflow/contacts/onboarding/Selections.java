package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.address.SealedAddress;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The user's VIP selection: validated as a whole (size, duplicates, hashes that are not the user's
 * contacts) and then replacing the previous one in one transaction, or not at all.
 */
public final class Selections {

  private static final String SAVE =
      """
      INSERT INTO vip_selection (user_id, rank, contact_hash)
      SELECT :user, t.rank, t.hash FROM unnest(:hashes::text[]) WITH ORDINALITY AS t(hash, rank)
      """;

  private static final String MARK_SAVED =
      """
      INSERT INTO user_state (user_id, selection_saved_at) VALUES (:user, now())
      ON CONFLICT (user_id) DO UPDATE SET selection_saved_at = EXCLUDED.selection_saved_at
      """;

  private static final String LIST =
      """
      SELECT s.rank, s.contact_hash, c.display_name, c.domain, c.address_ciphertext,
             c.address_key_id, k.salt
      FROM vip_selection s
      LEFT JOIN contacts c ON c.user_id = s.user_id AND c.contact_hash = s.contact_hash
      LEFT JOIN user_address_keys k ON k.user_id = s.user_id
      WHERE s.user_id = :user ORDER BY s.rank
      """;

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final OnboardingSettings settings;
  private final AddressOpener addresses;

  Selections(
      DatabaseClient db,
      TransactionalOperator tx,
      OnboardingSettings settings,
      AddressOpener addresses) {
    this.db = db;
    this.tx = tx;
    this.settings = settings;
    this.addresses = addresses;
  }

  /** The caller's saved VIPs, each address opened for {@code userId} only. */
  public Mono<List<SelectedVip>> selection(String userId) {
    return db.sql(LIST)
        .bind("user", userId)
        .map((row, meta) -> new Listed(vip(row), AddressOpener.sealed(row), bytes(row)))
        .all()
        .collectList()
        .map(rows -> opened(userId, rows));
  }

  private List<SelectedVip> opened(String userId, List<Listed> rows) {
    byte[] salt = rows.isEmpty() ? null : rows.get(0).salt();
    List<@Nullable String> opened =
        addresses.open(
            userId,
            salt,
            rows.stream()
                .map(r -> new AddressOpener.Sealed(r.vip().contactHash(), r.sealed()))
                .toList());
    List<SelectedVip> out = new ArrayList<>(rows.size());
    for (Listed row : rows) {
      SelectedVip v = row.vip();
      out.add(
          new SelectedVip(
              v.rank(), v.contactHash(), v.displayName(), opened.get(out.size()), v.domain()));
    }
    return out;
  }

  private static SelectedVip vip(Readable row) {
    return new SelectedVip(
        Objects.requireNonNull(row.get("rank", Integer.class)),
        Objects.requireNonNull(row.get("contact_hash", String.class)),
        row.get("display_name", String.class),
        null,
        row.get("domain", String.class));
  }

  private static byte @Nullable [] bytes(Readable row) {
    return AddressOpener.bytes(row, "salt");
  }

  /** A saved VIP as read, with its sealed address and the user's salt. */
  private record Listed(SelectedVip vip, @Nullable SealedAddress sealed, byte @Nullable [] salt) {}

  /**
   * Replaces the selection with {@code hashes} (rank = position), or fails with {@link
   * OnboardingProblems#INVALID_SELECTION}.
   */
  public Mono<List<SelectedVip>> save(String userId, List<String> hashes) {
    return Mono.fromRunnable(() -> checkShape(hashes))
        .then(unknown(userId, hashes))
        .flatMap(
            unknown -> {
              if (!unknown.isEmpty()) {
                return Mono.error(
                    OnboardingProblems.invalidSelection(
                        "not contacts of this user: " + String.join(", ", unknown), unknown));
              }
              return tx.transactional(replace(userId, hashes));
            })
        .then(selection(userId));
  }

  private void checkShape(List<String> hashes) {
    if (hashes.isEmpty()) {
      throw OnboardingProblems.invalidSelection(
          "contact_hashes must name at least one contact", List.of());
    }
    if (hashes.size() > settings.maxSelection()) {
      throw OnboardingProblems.invalidSelection(
          "at most " + settings.maxSelection() + " VIPs, got " + hashes.size(), List.of());
    }
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    hashes.stream().filter(h -> !seen.add(h)).forEach(duplicates::add);
    if (!duplicates.isEmpty()) {
      throw OnboardingProblems.invalidSelection(
          "duplicate contact hashes: " + String.join(", ", duplicates),
          new ArrayList<>(duplicates));
    }
  }

  private Mono<List<String>> unknown(String userId, List<String> hashes) {
    List<String> wellFormed = hashes.stream().filter(ContactHasher::isHash).toList();
    return db.sql(
            "SELECT contact_hash FROM contacts WHERE user_id = :user"
                + " AND contact_hash = ANY(:hashes::text[])")
        .bind("user", userId)
        .bind("hashes", wellFormed.toArray(String[]::new))
        .map((row, meta) -> row.get(0, String.class))
        .all()
        .collectList()
        .map(known -> hashes.stream().filter(h -> !known.contains(h)).toList());
  }

  private Mono<Void> replace(String userId, List<String> hashes) {
    return db.sql("DELETE FROM vip_selection WHERE user_id = :user")
        .bind("user", userId)
        .then()
        .then(
            db.sql(SAVE).bind("user", userId).bind("hashes", hashes.toArray(String[]::new)).then())
        .then(db.sql(MARK_SAVED).bind("user", userId).then());
  }
}

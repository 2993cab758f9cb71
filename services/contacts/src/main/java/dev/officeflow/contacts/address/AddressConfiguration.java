package dev.officeflow.contacts.address;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The contact hasher and the outbox's address sealer, with the key from {@link AddressSettings};
 * the address cipher and the users' address salts, with the keys from {@link
 * AddressEncryptionSettings}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AddressSettings.class, AddressEncryptionSettings.class})
class AddressConfiguration {

  /** Long enough to delete every stored hash of a retired key version. */
  private static final Duration ROTATION_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Checks the stored hashes against the key first ({@link HashKeyRotation}): every handler that
   * hashes depends on this bean, so no event is consumed before, and the migrations ran already.
   */
  @Bean
  @DependsOnDatabaseInitialization
  ContactHasher contactHasher(
      AddressSettings settings, DatabaseClient db, TransactionalOperator tx) {
    ContactHasher hasher = new ContactHasher(settings.hashKey(), settings.hashKeyVersion());
    new HashKeyRotation(db, tx).apply(hasher).block(ROTATION_TIMEOUT);
    return hasher;
  }

  /**
   * Takes the hasher so that it exists after the rotation: outbox rows sealed under another key
   * version are deleted by then.
   */
  @Bean
  AddressSealer addressSealer(AddressSettings settings, ContactHasher afterRotation) {
    return new AddressSealer(settings.hashKey(), settings.hashKeyVersion());
  }

  /** Checks the keys at start: a missing or malformed key stops the service, naming the setting. */
  @Bean
  AddressCipher addressCipher(AddressEncryptionSettings settings) {
    return new AddressCipher(settings);
  }

  @Bean
  UserAddressKeys userAddressKeys(DatabaseClient db, AddressCipher cipher) {
    return new UserAddressKeys(db, cipher);
  }
}

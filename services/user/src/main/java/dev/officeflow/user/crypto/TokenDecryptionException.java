package dev.officeflow.user.crypto;

/**
 * A stored token that cannot be decrypted: an unknown key id, a corrupt envelope, or associated
 * data that does not match (the ciphertext belongs to another user or provider).
 */
public final class TokenDecryptionException extends RuntimeException {

  public TokenDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }

  public TokenDecryptionException(String message) {
    super(message);
  }
}

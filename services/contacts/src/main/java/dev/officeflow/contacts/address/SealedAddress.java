package dev.officeflow.contacts.address;

/**
 * An address as stored: the id of the master key its user key was derived from, and the 12-byte
 * nonce followed by the AES-GCM ciphertext and tag ({@link AddressCipher}). Carries no plaintext.
 */
public record SealedAddress(String keyId, byte[] ciphertext) {

  /** Only the key id and the length: a sealed address is never logged. */
  @Override
  public String toString() {
    return "SealedAddress[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
  }
}

package dev.fedgate.signatures.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts private keys at rest with a key-encryption key (KEK) from configuration, using Tink's AES-256-GCM AEAD.
 *
 * <p>The associated data (for example the actor URI) binds a sealed key to its owner: a key copied to another row
 * does not open. Rotate the KEK by unwrapping with the old wrapper and wrapping with the new one.
 */
public final class KeyWrapper {
  /** KEK length: AES-256. */
  public static final int KEK_BYTES = 32;

  private final Aead aead;

  private KeyWrapper(Aead aead) {
    this.aead = aead;
  }

  /** A wrapper over a 32-byte KEK. */
  public static KeyWrapper create(byte[] keyEncryptionKey) throws KeyFormatException {
    if (keyEncryptionKey == null || keyEncryptionKey.length != KEK_BYTES) {
      throw new KeyFormatException("key-encryption key must be " + KEK_BYTES + " bytes");
    }
    try {
      return new KeyWrapper(new AesGcmJce(keyEncryptionKey.clone()));
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("unusable key-encryption key", e);
    }
  }

  /** A wrapper over a KEK given as Base64 text (e.g. from {@code FEDGATE_KEY_ENCRYPTION_KEY}). */
  public static KeyWrapper fromBase64(String keyEncryptionKey) throws KeyFormatException {
    try {
      return create(Base64.getDecoder().decode(keyEncryptionKey.trim()));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("key-encryption key is not Base64", e);
    }
  }

  /** Seals a private key bound to {@code associatedData}. */
  public EncryptedPrivateKey wrap(PrivateKeyMaterial key, byte[] associatedData) {
    try {
      return EncryptedPrivateKey.of(aead.encrypt(key.toPkcs8(KeyExport.UNSAFE), associatedData));
    } catch (GeneralSecurityException e) {
      throw new TinkBug("AES-GCM encryption failed", e);
    }
  }

  /** Opens a sealed key; a wrong KEK, wrong associated data or tampered bytes give KeyFormatException. */
  public PrivateKeyMaterial unwrap(EncryptedPrivateKey sealed, byte[] associatedData) throws KeyFormatException {
    byte[] pkcs8;
    try {
      pkcs8 = aead.decrypt(sealed.ciphertext(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("cannot decrypt private key (wrong key-encryption key or associated data)", e);
    }
    return PrivateKeyMaterial.fromPkcs8(pkcs8);
  }

  @Override
  public String toString() {
    return "KeyWrapper[AES-256-GCM, <redacted>]";
  }
}

package dev.fedgate.signatures.keys;

import java.util.Arrays;
import java.util.Base64;

/** A private key sealed by {@link KeyWrapper}: safe to store; opaque bytes (format version, then AES-GCM output). */
public final class EncryptedPrivateKey {
  static final byte VERSION = 1;

  private final byte[] bytes;

  private EncryptedPrivateKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads stored bytes; refuses an unknown format version. */
  public static EncryptedPrivateKey fromBytes(byte[] stored) throws KeyFormatException {
    if (stored == null || stored.length < 2 || stored[0] != VERSION) {
      throw new KeyFormatException("not an encrypted private key of a known version");
    }
    return new EncryptedPrivateKey(stored.clone());
  }

  static EncryptedPrivateKey of(byte[] ciphertext) {
    byte[] out = new byte[ciphertext.length + 1];
    out[0] = VERSION;
    System.arraycopy(ciphertext, 0, out, 1, ciphertext.length);
    return new EncryptedPrivateKey(out);
  }

  /** The bytes to store. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The bytes to store, as Base64 text. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  byte[] ciphertext() {
    return Arrays.copyOfRange(bytes, 1, bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedPrivateKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EncryptedPrivateKey[" + bytes.length + " bytes]";
  }
}

package dev.fedgate.signatures.keys;

import com.google.crypto.tink.Mac;
import com.google.crypto.tink.subtle.PrfHmacJce;
import com.google.crypto.tink.subtle.PrfMac;
import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;

/** A shared secret for RFC 9421 {@code hmac-sha256}; {@link #toString()} is redacted. */
public final class SecretKeyMaterial implements SigningKey, VerifyingKey {
  /** Shortest secret Tink accepts for HMAC. */
  public static final int MIN_BYTES = 16;
  private static final int TAG_BYTES = 32;

  private final byte[] secret;
  private final Mac mac;

  private SecretKeyMaterial(byte[] secret, Mac mac) {
    this.secret = secret;
    this.mac = mac;
  }

  /** A secret of at least 16 bytes. */
  public static SecretKeyMaterial of(byte[] secret) throws KeyFormatException {
    if (secret == null || secret.length < MIN_BYTES) {
      throw new KeyFormatException("HMAC secret must have at least " + MIN_BYTES + " bytes");
    }
    byte[] copy = secret.clone();
    try {
      return new SecretKeyMaterial(copy, new PrfMac(new PrfHmacJce("HMACSHA256", new SecretKeySpec(copy, "HMAC")), TAG_BYTES));
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("unusable HMAC secret", e);
    }
  }

  @Override
  public KeyType type() {
    return KeyType.HMAC;
  }

  @Override
  public int sizeBits() {
    return secret.length * 8;
  }

  @Override
  public byte[] sign(SignatureAlgorithm algorithm, byte[] data) {
    TinkBug.requireType(KeyType.HMAC, algorithm);
    try {
      return mac.computeMac(data);
    } catch (GeneralSecurityException e) {
      throw new TinkBug("HMAC failed", e);
    }
  }

  @Override
  public boolean verify(SignatureAlgorithm algorithm, byte[] data, byte[] signature) {
    TinkBug.requireType(KeyType.HMAC, algorithm);
    try {
      mac.verifyMac(signature, data); // constant-time comparison inside Tink
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The secret bytes, for storage. */
  public byte[] toBytes(KeyExport token) {
    KeyExport.check(token);
    return secret.clone();
  }

  @Override
  public String toString() {
    return "SecretKeyMaterial[HMAC, " + sizeBits() + " bits, <redacted>]";
  }
}

package dev.fedgate.signatures.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** Hash algorithms we compute and check, with their names in RFC 3230 {@code Digest} and RFC 9530 fields. */
public enum DigestAlgorithm {
  /** SHA-256: required by Mastodon in both {@code Digest} and {@code Content-Digest}. */
  SHA_256("SHA-256", "sha-256"),
  /** SHA-512. */
  SHA_512("SHA-512", "sha-512");

  private final String legacyName;
  private final String structuredName;

  DigestAlgorithm(String legacyName, String structuredName) {
    this.legacyName = legacyName;
    this.structuredName = structuredName;
  }

  /** Token in RFC 3230 {@code Digest} (compared case-insensitively on input). */
  public String legacyName() {
    return legacyName;
  }

  /** Key in RFC 9530 {@code Content-Digest} / {@code Repr-Digest}. */
  public String structuredName() {
    return structuredName;
  }

  /** Hash of the bytes. */
  public byte[] hash(byte[] data) {
    try {
      return MessageDigest.getInstance(legacyName).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + legacyName, e);
    }
  }

  static Optional<DigestAlgorithm> byLegacyName(String token) {
    String upper = token.trim().toUpperCase(Locale.ROOT);
    for (DigestAlgorithm a : values()) {
      if (a.legacyName.equals(upper)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  static Optional<DigestAlgorithm> byStructuredName(String key) {
    for (DigestAlgorithm a : values()) {
      if (a.structuredName.equals(key)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}

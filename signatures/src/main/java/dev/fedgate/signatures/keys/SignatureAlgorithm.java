package dev.fedgate.signatures.keys;

import java.util.Optional;

/** Signature algorithms, named as in the RFC 9421 registry; draft-cavage names map onto these. */
public enum SignatureAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256: Mastodon and PeerTube ({@code rsa-sha256}, and {@code hs2019} with an RSA key). */
  RSA_V1_5_SHA256("rsa-v1_5-sha256", KeyType.RSA),
  /** RSASSA-PSS with SHA-512, MGF1-SHA-512, 64-byte salt. */
  RSA_PSS_SHA512("rsa-pss-sha512", KeyType.RSA),
  /** ECDSA P-256 with SHA-256, signature as raw r||s (IEEE P1363). */
  ECDSA_P256_SHA256("ecdsa-p256-sha256", KeyType.EC_P256),
  /** Ed25519. */
  ED25519("ed25519", KeyType.ED25519),
  /** HMAC with SHA-256 over a shared secret. */
  HMAC_SHA256("hmac-sha256", KeyType.HMAC);

  private final String rfc9421Name;
  private final KeyType keyType;

  SignatureAlgorithm(String rfc9421Name, KeyType keyType) {
    this.rfc9421Name = rfc9421Name;
    this.keyType = keyType;
  }

  /** The RFC 9421 {@code alg} value. */
  public String rfc9421Name() {
    return rfc9421Name;
  }

  /** The key type this algorithm needs. */
  public KeyType keyType() {
    return keyType;
  }

  /** The algorithm with this RFC 9421 name, if any. */
  public static Optional<SignatureAlgorithm> fromRfc9421Name(String name) {
    for (SignatureAlgorithm a : values()) {
      if (a.rfc9421Name.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The algorithm a key implies when the message does not name one (cavage {@code hs2019}, RFC 9421 without {@code alg}). */
  public static SignatureAlgorithm defaultFor(KeyType type) {
    switch (type) {
      case RSA:
        return RSA_V1_5_SHA256;
      case EC_P256:
        return ECDSA_P256_SHA256;
      case ED25519:
        return ED25519;
      default:
        return HMAC_SHA256;
    }
  }
}

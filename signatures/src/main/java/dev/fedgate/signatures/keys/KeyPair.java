package dev.fedgate.signatures.keys;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A private key with its public key, checked to belong together. */
public record KeyPair(PrivateKeyMaterial privateKey, PublicKeyMaterial publicKey) {
  private static final byte[] PROBE = "fedgate key pair check".getBytes(StandardCharsets.US_ASCII);

  /** Checks that the halves match. */
  public KeyPair {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    try {
      checkConsistent(privateKey, publicKey);
    } catch (KeyFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Pairs a private key with a separately stored public key, refusing a mismatch. */
  public static KeyPair of(PrivateKeyMaterial privateKey, PublicKeyMaterial publicKey) throws KeyFormatException {
    checkConsistent(privateKey, publicKey);
    return new KeyPair(privateKey, publicKey);
  }

  /** A fresh RSA-2048 pair, the fediverse default. */
  public static KeyPair generateRsa() {
    PrivateKeyMaterial key = PrivateKeyMaterial.generateRsa(PrivateKeyMaterial.MIN_RSA_BITS);
    return new KeyPair(key, key.publicKey());
  }

  /** A fresh Ed25519 pair. */
  public static KeyPair generateEd25519() {
    PrivateKeyMaterial key = PrivateKeyMaterial.generateEd25519();
    return new KeyPair(key, key.publicKey());
  }

  /** Signs a probe with the private half and verifies it with the public half. */
  static void checkConsistent(PrivateKeyMaterial privateKey, PublicKeyMaterial publicKey) throws KeyFormatException {
    if (privateKey.type() != publicKey.type()) {
      throw new KeyFormatException("key pair halves have different types");
    }
    SignatureAlgorithm alg = SignatureAlgorithm.defaultFor(publicKey.type());
    if (!publicKey.verify(alg, PROBE, privateKey.sign(alg, PROBE))) {
      throw new KeyFormatException("private and public keys do not match");
    }
  }
}

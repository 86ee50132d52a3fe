package dev.fedgate.signatures.keys;

/** Key material that can check signatures: a public key, or a shared HMAC secret. */
public sealed interface VerifyingKey permits PublicKeyMaterial, SecretKeyMaterial {
  /** The key type. */
  KeyType type();

  /** Strength in bits: the RSA modulus size, 256 for P-256 and Ed25519, the secret length for HMAC. */
  int sizeBits();

  /**
   * Whether {@code signature} is valid for {@code data}; never throws for a bad signature.
   *
   * @throws IllegalArgumentException if the algorithm does not fit this key type (a programming error)
   */
  boolean verify(SignatureAlgorithm algorithm, byte[] data, byte[] signature);
}

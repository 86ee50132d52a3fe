package dev.fedgate.signatures.keys;

/** Key material that can sign: a private key, or a shared HMAC secret. Its bytes never leave through this type. */
public sealed interface SigningKey permits PrivateKeyMaterial, SecretKeyMaterial {
  /** The key type. */
  KeyType type();

  /**
   * Signs {@code data}.
   *
   * @throws IllegalArgumentException if the algorithm does not fit this key type (a programming error)
   */
  byte[] sign(SignatureAlgorithm algorithm, byte[] data);
}

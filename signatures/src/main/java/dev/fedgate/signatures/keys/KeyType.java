package dev.fedgate.signatures.keys;

/** The kind of key material; decides which signature algorithms a key can serve. */
public enum KeyType {
  /** RSA, any size (signing needs at least 2048 bits). */
  RSA,
  /** ECDSA on NIST P-256. */
  EC_P256,
  /** Ed25519. */
  ED25519,
  /** A shared secret for HMAC. */
  HMAC
}

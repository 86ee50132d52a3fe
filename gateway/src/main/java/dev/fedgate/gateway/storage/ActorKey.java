package dev.fedgate.gateway.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One key pair of a local actor as opaque bytes: the algorithm name (e.g. {@code RSA}, {@code Ed25519}), the public
 * key as X.509 SubjectPublicKeyInfo, and the private key in whatever encoding the key layer chose (it may be
 * encrypted). The store keeps the bytes as given and never interprets them.
 */
public record ActorKey(String algorithm, byte[] publicKey, byte[] privateKey) {
  /** Checks presence and copies the arrays, so the value stays immutable. */
  public ActorKey {
    Objects.requireNonNull(algorithm, "algorithm");
    publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    privateKey = Objects.requireNonNull(privateKey, "privateKey").clone();
  }

  /** A copy of the public key bytes. */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** A copy of the private key bytes. */
  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ActorKey key
        && algorithm.equals(key.algorithm)
        && Arrays.equals(publicKey, key.publicKey)
        && Arrays.equals(privateKey, key.privateKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, Arrays.hashCode(publicKey));
  }

  @Override
  public String toString() {
    // Never print private material, even encrypted.
    return "ActorKey[algorithm=" + algorithm + ", publicKey=" + publicKey.length + " bytes, privateKey=redacted]";
  }
}

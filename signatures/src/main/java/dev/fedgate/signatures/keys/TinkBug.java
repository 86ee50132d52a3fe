package dev.fedgate.signatures.keys;

/** A failure that valid, already-checked key material cannot cause (Tink's {@code TinkBugException} idea). */
final class TinkBug extends IllegalStateException {
  TinkBug(String message, Throwable cause) {
    super(message, cause);
  }

  static void requireType(KeyType actual, SignatureAlgorithm algorithm) {
    if (algorithm.keyType() != actual) {
      throw new IllegalArgumentException(algorithm.rfc9421Name() + " needs a " + algorithm.keyType() + " key, not " + actual);
    }
  }
}

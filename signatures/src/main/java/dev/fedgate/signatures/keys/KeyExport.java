package dev.fedgate.signatures.keys;

/**
 * Token required to export private or secret key bytes (the idea of Tink's {@code SecretKeyAccess}).
 *
 * <p>Only storage code should name {@link #UNSAFE}; searching for it finds every place secrets leave the library.
 */
public final class KeyExport {
  /** The single token: its use marks code that handles raw secrets. */
  public static final KeyExport UNSAFE = new KeyExport();

  private KeyExport() {}

  static void check(KeyExport token) {
    if (token != UNSAFE) {
      throw new IllegalArgumentException("private key export needs KeyExport.UNSAFE");
    }
  }
}

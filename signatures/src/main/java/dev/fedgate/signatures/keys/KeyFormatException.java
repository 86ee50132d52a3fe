package dev.fedgate.signatures.keys;

/** Key bytes or text that cannot be read as a supported key; checked, so callers decide what a bad remote key means. */
public final class KeyFormatException extends Exception {
  /** With a client-safe message. */
  public KeyFormatException(String message) {
    super(message);
  }

  /** With a client-safe message and the underlying cause. */
  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

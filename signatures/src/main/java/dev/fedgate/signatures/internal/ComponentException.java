package dev.fedgate.signatures.internal;

/** A signature input that cannot be built from the message (missing field, bad component, bad syntax). */
public final class ComponentException extends Exception {
  private ComponentException(String message) {
    super(message, null, false, false);
  }

  /** With a client-safe message naming the component. */
  public static ComponentException malformed(String message) {
    return new ComponentException(message);
  }
}

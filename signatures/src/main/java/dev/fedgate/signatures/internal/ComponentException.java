package dev.fedgate.signatures.internal;

/** A signature input that cannot be built from the message (missing field, bad component, bad syntax). */
public final class ComponentException extends Exception {
  /** Whether the failure is a missing covered field rather than bad syntax. */
  private final boolean missingField;

  private ComponentException(String message, boolean missingField) {
    super(message, null, false, false);
    this.missingField = missingField;
  }

  /** Bad syntax or an unsupported construct. */
  public static ComponentException malformed(String message) {
    return new ComponentException(message, false);
  }

  /** A covered header field or query parameter absent from the message. */
  public static ComponentException missing(String message) {
    return new ComponentException(message, true);
  }

  /** True when a covered field is absent from the message. */
  public boolean missingField() {
    return missingField;
  }
}

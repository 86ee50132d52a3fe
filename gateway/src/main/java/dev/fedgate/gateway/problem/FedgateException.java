package dev.fedgate.gateway.problem;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure with two faces: a {@link ProblemType} and a detail that are safe to send to the client, and a cause that
 * only goes to the logs. Never put a stack trace, a secret or a remote body in the detail.
 */
public final class FedgateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final String safeDetail;
  private final String field;

  /** A problem whose detail is safe to show the client. */
  public FedgateException(ProblemType type, String safeDetail) {
    this(type, safeDetail, null, null);
  }

  /** A problem about one request field (a JSON pointer or parameter name) or none ({@code null}), with a cause for the logs. */
  public FedgateException(ProblemType type, String safeDetail, String field, Throwable cause) {
    super(type.slug() + ": " + safeDetail, cause);
    this.type = Objects.requireNonNull(type, "type");
    this.safeDetail = Objects.requireNonNull(safeDetail, "safeDetail");
    this.field = field;
  }

  /** The kind of problem. */
  public ProblemType type() {
    return type;
  }

  /** What the client is told. */
  public String safeDetail() {
    return safeDetail;
  }

  /** The request field at fault, if the problem is about one. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}

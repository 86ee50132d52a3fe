package dev.fedgate.gateway.inbox;

import java.util.Optional;

/** Ends the pipeline early with a refusal; carried through failed futures and turned into {@link InboxOutcome.Refused}. */
final class RefusalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient InboxOutcome.Refused refused;

  RefusalException(InboxRefusal refusal, String detail) {
    this(refusal, detail, Optional.empty());
  }

  RefusalException(InboxRefusal refusal, String detail, Optional<String> pointer) {
    super(refusal.reason() + ": " + detail, null, false, false);
    this.refused = new InboxOutcome.Refused(refusal, detail, pointer);
  }

  InboxOutcome.Refused refused() {
    return refused;
  }
}

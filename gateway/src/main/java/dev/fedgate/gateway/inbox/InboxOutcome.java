package dev.fedgate.gateway.inbox;

import java.util.Objects;
import java.util.Optional;

/** What the inbox pipeline decided about one request: accepted (202) in one of three ways, or refused. */
public sealed interface InboxOutcome permits InboxOutcome.Accepted, InboxOutcome.Refused {

  /** The metric {@code reason} label of this outcome. */
  String reason();

  /** How an accepted request was taken. */
  enum Acceptance {
    /** New, and now durably queued for processing. */
    QUEUED("queued"),
    /** Its activity id was seen before; nothing is queued again. */
    DUPLICATE("duplicate"),
    /**
     * Signed by a key whose actor is gone (410) and unknown to us: nothing to verify and nothing to undo, so it is
     * dropped with 202 rather than refused, as GoToSocial does, or the sender retries a deleted actor's Delete for days.
     */
    DROPPED_GONE_ACTOR("gone-actor");

    private final String reason;

    Acceptance(String reason) {
      this.reason = reason;
    }
  }

  /** Answered 202. */
  record Accepted(Acceptance acceptance) implements InboxOutcome {
    /** Checks presence. */
    public Accepted {
      Objects.requireNonNull(acceptance, "acceptance");
    }

    @Override
    public String reason() {
      return acceptance.reason;
    }
  }

  /** Answered with the refusal's status; {@code detail} is safe to show the sender, {@code pointer} names a field. */
  record Refused(InboxRefusal refusal, String detail, Optional<String> pointer) implements InboxOutcome {
    /** Checks presence. */
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(pointer, "pointer");
    }

    @Override
    public String reason() {
      return refusal.reason();
    }
  }
}

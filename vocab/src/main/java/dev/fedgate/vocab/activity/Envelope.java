package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What every activity carries: its id, its actor, its addressing, when it was published, and extra properties. */
public record Envelope(
    URI id, Ref<Actor> actor, Audience audience, Optional<Instant> published, Extensions extensions) {
  /** Checks that nothing is null. */
  public Envelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** An envelope with no publication time and no extra properties (what we send). */
  public static Envelope of(URI id, URI actor, Audience audience) {
    return new Envelope(id, Ref.of(actor), audience, Optional.empty(), Extensions.NONE);
  }
}

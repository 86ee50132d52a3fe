package dev.fedgate.gateway.mapping;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Tombstone;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A local actor or video as served at its id: live, with the site's page for browsers, or gone. */
public sealed interface LocalDocument permits LocalDocument.Live, LocalDocument.Gone {

  /** The document served with 200 (410 for {@link Gone}). */
  ApObject object();

  /**
   * A live actor or video: {@code page} is where a browser is sent, {@code channel} the channel a video belongs to
   * (its document names the channel's account, so it changes with the channel).
   */
  record Live(ApObject object, URI page, Optional<String> channel) implements LocalDocument {
    /** Checks presence. */
    public Live {
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** A deleted video: its id answers 410 with this tombstone. */
  record Gone(Tombstone object) implements LocalDocument {
    /** Checks presence. */
    public Gone {
      Objects.requireNonNull(object, "object");
    }
  }
}

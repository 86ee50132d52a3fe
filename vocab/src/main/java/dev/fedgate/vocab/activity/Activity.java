package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Ref;
import java.net.URI;

/** An activity: dispatch on the record type with {@code instanceof}. Unknown types read as {@code Unrecognized}. */
public sealed interface Activity extends ApObject
    permits ObjectActivity, Flag {
  /** The id, actor, addressing and extras. */
  Envelope envelope();

  @Override
  default URI id() {
    return envelope().id();
  }

  /** Who performs the activity (must be the HTTP signer, checked by the gateway). */
  default Ref<Actor> actor() {
    return envelope().actor();
  }

  /** The activity's {@code to}/{@code cc}. */
  default Audience audience() {
    return envelope().audience();
  }
}

package dev.fedgate.vocab;

import java.net.URI;

/** An ActivityStreams object with an identity: what a {@link Ref} can point at or embed. */
public interface ApObject {
  /** The object's {@code id}. */
  URI id();
}

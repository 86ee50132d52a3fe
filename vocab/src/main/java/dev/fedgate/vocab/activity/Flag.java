package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Ref;
import java.util.List;
import java.util.Objects;

/** A {@code Flag} (abuse report): the reported objects and the reason in {@code content} (Lemmy: {@code summary}). */
public record Flag(Envelope envelope, List<Ref<ApObject>> objects, LocalizedText content) implements Activity {
  /** Copies the list; a report names at least one object. */
  public Flag {
    Objects.requireNonNull(envelope, "envelope");
    objects = List.copyOf(objects);
    if (objects.isEmpty()) {
      throw new IllegalArgumentException("a Flag reports at least one object");
    }
    Objects.requireNonNull(content, "content");
  }
}

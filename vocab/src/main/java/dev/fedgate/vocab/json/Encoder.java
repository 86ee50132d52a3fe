package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.Unrecognized;
import dev.fedgate.vocab.activity.Activity;
import dev.fedgate.vocab.peertube.Video;

/** Dispatches writing on the value's type. */
final class Encoder {
  private Encoder() {}

  /** The object's JSON without {@code @context}, as it is embedded in another document. */
  static ObjectNode body(ApObject object) {
    if (object instanceof Actor actor) {
      return ActorCodec.write(actor).node();
    }
    if (object instanceof Video video) {
      return VideoCodec.write(video).node();
    }
    if (object instanceof Activity activity) {
      return ActivityCodec.write(activity).node();
    }
    if (object instanceof Collection collection) {
      return CollectionCodec.write(collection).node();
    }
    if (object instanceof Unrecognized unknown) {
      JsonOut out = JsonOut.object().put("id", unknown.id());
      if (unknown.types().size() == 1) {
        out.put("type", unknown.type());
      } else {
        out.put("type", ValueCodec.strings(unknown.types()));
      }
      return out.extensions(unknown.raw()).node();
    }
    return ObjectCodec.write(object).node();
  }
}

package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.util.List;

/** Writes references: a bare id as its string, an embedded value as its object (without {@code @context}). */
final class RefCodec {
  private RefCodec() {}

  static JsonNode ref(Ref<? extends ApObject> ref) {
    if (ref.embedded().isPresent()) {
      return Encoder.body(ref.embedded().get());
    }
    return JsonNodeFactory.instance.textNode(ref.id().toString());
  }

  /** Always an array: PeerTube arrayifies {@code attributedTo}, Mastodon takes the first. */
  static ArrayNode refs(List<? extends Ref<? extends ApObject>> refs) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    refs.forEach(r -> array.add(ref(r)));
    return refs.isEmpty() ? null : array;
  }

  /** One reference as a value, several as an array: PeerTube emits a comment's {@code attributedTo} as a string. */
  static JsonNode oneOrMany(List<? extends Ref<? extends ApObject>> refs) {
    return refs.size() == 1 ? ref(refs.get(0)) : refs(refs);
  }
}

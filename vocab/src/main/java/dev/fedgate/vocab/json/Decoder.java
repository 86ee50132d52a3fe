package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.CollectionType;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.Unrecognized;
import java.util.List;
import java.util.Optional;

/** Turns JSON objects into typed values: dispatches on {@code type} and reads references. */
final class Decoder {
  ApObject object(JsonNode node, Pointer pointer) {
    JsonIn in = in(node, pointer);
    List<String> types = in.list("type", JsonIn::asString);
    if (types.isEmpty()) {
      throw JsonIn.missing(in.at("type"));
    }
    // The first type we model wins: Mastodon's fixture actor is ["Person", "vcard:individual"].
    for (String type : types) {
      Optional<ApObject> known = known(type, in);
      if (known.isPresent()) {
        return known.get();
      }
    }
    return new Unrecognized(in.requiredUri("id"), types, in.rest());
  }

  /** An id string, an object with only an id, or an embedded object of the expected type. */
  <T extends ApObject> Ref<T> ref(JsonNode node, Pointer pointer, Class<T> type) {
    if (node.isTextual()) {
      return Ref.of(JsonIn.asUri(node, pointer));
    }
    // Prismo sends "actor": [{...}]: one value in an array is still one value.
    if (node.isArray() && node.size() == 1) {
      return ref(node.get(0), pointer.child(0), type);
    }
    if (!node.isObject()) {
      throw JsonIn.invalid(pointer, "must be one id or one object");
    }
    if (!node.has("type")) {
      return Ref.of(JsonIn.asIdUri(node, pointer));
    }
    ApObject value = object(node, pointer);
    if (!type.isInstance(value)) {
      throw JsonIn.invalid(pointer, "must be " + article(type.getSimpleName()));
    }
    return Ref.embed(type.cast(value));
  }

  /** A cursor over {@code node}, which must be a JSON object. */
  JsonIn in(JsonNode node, Pointer pointer) {
    if (!(node instanceof ObjectNode object)) {
      throw JsonIn.invalid(pointer, "must be a JSON object");
    }
    return new JsonIn(object, pointer, this);
  }

  private Optional<ApObject> known(String type, JsonIn in) {
    Optional<ActorType> actorType = ActorType.fromWire(type);
    if (actorType.isPresent()) {
      return Optional.of(ActorCodec.read(in, actorType.get()));
    }
    Optional<CollectionType> collectionType = CollectionType.fromWire(type);
    if (collectionType.isPresent()) {
      return Optional.of(CollectionCodec.read(in, collectionType.get()));
    }
    if (ActivityCodec.handles(type)) {
      return Optional.of(ActivityCodec.read(in, type));
    }
    return ObjectCodec.read(type, in);
  }

  private static String article(String name) {
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}

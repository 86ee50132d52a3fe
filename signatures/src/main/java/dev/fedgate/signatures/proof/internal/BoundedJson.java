package dev.fedgate.signatures.proof.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Reads untrusted JSON documents within fixed bounds (size, nesting, string length; duplicate members refused). */
public final class BoundedJson {
  /** Largest document accepted, in bytes: far above any activity, far below what hurts URDNA2015. */
  public static final int MAX_DOCUMENT_BYTES = 256 * 1024;
  /** Deepest nesting accepted; activities nest a handful of levels, jsonld-java recurses per level. */
  public static final int MAX_NESTING_DEPTH = 32;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_DOCUMENT_BYTES)
          .maxNumberLength(64)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private BoundedJson() {}

  /** The top-level JSON object of {@code json}; empty when it is too large, not JSON, or not an object. */
  public static Optional<ObjectNode> readObject(byte[] json) {
    if (json.length > MAX_DOCUMENT_BYTES) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (IOException e) {
      // Only parse errors reach here: the input is an in-memory array.
      return Optional.empty();
    }
  }

  /** The JSON bytes of {@code node} (our own serialization, used for documents we sign). */
  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JacksonException e) {
      throw new IllegalStateException("a Jackson tree always serializes", e);
    }
  }

  /** A fresh empty object node. */
  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }
}

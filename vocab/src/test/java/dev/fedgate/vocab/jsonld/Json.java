package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: JSON from text or files, with the byte-order mark some fixtures carry removed. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code document} with its {@code @context} replaced by {@code context} (JSON text). */
  static ObjectNode withContext(ObjectNode document, String context) {
    ObjectNode copy = MAPPER.createObjectNode();
    copy.set("@context", object("{\"c\":" + context + "}").get("c"));
    document.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("@context")) {
        copy.set(field.getKey(), field.getValue().deepCopy());
      }
    });
    return copy;
  }
}

package dev.fedgate.vocab.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.jsonld.CanonicalContext;
import java.io.UncheckedIOException;

/**
 * Renders values as compact JSON-LD under {@link CanonicalContext} (PeerTube's context plus the Mastodon and FEP
 * terms), with exactly the key names PeerTube and Mastodon read: neither does JSON-LD processing on normal input.
 */
public final class VocabWriter {
  private final ObjectMapper mapper = new ObjectMapper();

  private VocabWriter() {}

  /** A writer; it holds no state but a Jackson mapper and is safe to share. */
  public static VocabWriter create() {
    return new VocabWriter();
  }

  /** The document as a JSON tree, {@code @context} first. */
  public ObjectNode toJson(ApObject object) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.set("@context", CanonicalContext.json());
    document.setAll(Encoder.body(object));
    return document;
  }

  /** The document as UTF-8 JSON bytes. */
  public byte[] write(ApObject object) {
    try {
      return mapper.writeValueAsBytes(toJson(object));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }
}

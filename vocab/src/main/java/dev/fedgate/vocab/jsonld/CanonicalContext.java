package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one {@code @context} we write and read: PeerTube's context (ActivityStreams, security v1, and its {@code pt:} and
 * {@code sc:} terms) plus the Mastodon and FEP terms peers send. Documents are rendered with it, and documents under any
 * other context are compacted to it before they are read, so the reader only ever sees these term names.
 */
public final class CanonicalContext {
  private static final String RESOURCE = "canonical-context.json";
  private static final ArrayNode CONTEXT = load();

  private CanonicalContext() {}

  /** A fresh copy of the context array, safe for the caller to embed in a document. */
  public static ArrayNode json() {
    return CONTEXT.deepCopy();
  }

  private static ArrayNode load() {
    try (InputStream in = CanonicalContext.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource missing: " + RESOURCE);
      }
      JsonNode node = new ObjectMapper().readTree(in);
      if (!(node instanceof ArrayNode array)) {
        throw new IllegalStateException(RESOURCE + " must hold a JSON array");
      }
      return array;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + RESOURCE, e);
    }
  }
}

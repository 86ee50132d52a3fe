package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.json.ReadLimits;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The first look at a body, before any signature work or fetch: JSON within the {@link ReadLimits} (depth, string
 * length, size), a JSON object, with absolute http(s) {@code id} and {@code actor} (a string, or an object with an
 * id) and a {@code type}. Full vocabulary reading comes after the signature.
 */
record ActivityShape(ObjectNode tree, URI id, URI actor) {

  /** Parses bodies under {@code limits}; safe to share. */
  static final class Parser {
    private final ObjectMapper mapper;

    Parser(ReadLimits limits) {
      JsonFactory factory = JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(limits.maxDepth())
              .maxStringLength(limits.maxStringLength())
              .maxDocumentLength(limits.maxBodyBytes())
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
      this.mapper = new ObjectMapper(factory);
    }

    ActivityShape parse(byte[] body) {
      JsonNode tree;
      try {
        tree = mapper.readTree(body);
      } catch (StreamConstraintsException e) {
        throw new RefusalException(InboxRefusal.LIMIT_EXCEEDED, e.getOriginalMessage());
      } catch (JsonProcessingException e) {
        throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY, "not valid JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY, "not valid JSON");
      }
      if (!(tree instanceof ObjectNode object)) {
        throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY, "the body must be a JSON object");
      }
      if (!object.path("type").isTextual() && !object.path("type").isArray()) {
        throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY, "type is required", Optional.of("/type"));
      }
      URI id = httpUri(object.get("id"), "/id");
      JsonNode actor = object.get("actor");
      URI actorId = httpUri(actor instanceof ObjectNode embedded ? embedded.get("id") : actor, "/actor");
      return new ActivityShape(object, id, actorId);
    }
  }

  /** An absolute http(s) URI with a host, or a refusal naming {@code pointer}. */
  static URI httpUri(JsonNode value, String pointer) {
    if (value == null || !value.isTextual()) {
      throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY, pointer + " must be a URL", Optional.of(pointer));
    }
    try {
      URI uri = new URI(value.asText());
      String scheme = uri.getScheme();
      if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // refused below, like any other non-URL
    }
    throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY, pointer + " must be an http(s) URL", Optional.of(pointer));
  }
}

package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.json.ReadLimits;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first look at a body, before any signature work or fetch: JSON within the {@link ReadLimits} (depth, string
 * length, size), a JSON object, with absolute http(s) {@code id} and {@code actor} (a string, or an object with an
 * id) and a {@code type}; one document with nothing after it, and none of the JSON-LD keywords that restructure a
 * document ({@code @graph}, {@code @included}, {@code @reverse}: no peer sends them, and they let a signed activity
 * carry another one, the Fedify GHSA-9rfg-v8g9-9367 and Mastodon CVE-2026-46349 class). Full vocabulary reading comes
 * after the signature.
 */
record ActivityShape(ObjectNode tree, URI id, URI actor) {
  private static final Set<String> RESTRUCTURING = Set.of("@graph", "@included", "@reverse");

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
      // Trailing tokens: a second document after the first is a parser differential, not padding.
      this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
      restructuring(object).ifPresent(pointer -> {
        throw new RefusalException(InboxRefusal.MALFORMED_ACTIVITY,
            "@graph, @included and @reverse are not accepted in activities", Optional.of(pointer));
      });
      URI id = httpUri(object.get("id"), "/id");
      JsonNode actor = object.get("actor");
      URI actorId = httpUri(actor instanceof ObjectNode embedded ? embedded.get("id") : actor, "/actor");
      return new ActivityShape(object, id, actorId);
    }
  }

  /** The pointer of the first restructuring keyword in {@code node}; the tree is depth-bounded by the parser. */
  private static Optional<String> restructuring(JsonNode node) {
    Deque<String> path = new ArrayDeque<>();
    if (!holdsRestructuring(node, path)) {
      return Optional.empty();
    }
    StringBuilder pointer = new StringBuilder();
    path.forEach(segment -> pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1")));
    return Optional.of(pointer.toString());
  }

  /**
   * Whether {@code node} holds a restructuring keyword; if so, {@code path} starts with the way to the first one. The
   * path is built only on a hit: building a pointer for every member was most of the walk's cost.
   */
  private static boolean holdsRestructuring(JsonNode node, Deque<String> path) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String key = field.getKey();
        if ((key.startsWith("@") && RESTRUCTURING.contains(key)) || holdsRestructuring(field.getValue(), path)) {
          path.addFirst(key);
          return true;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (holdsRestructuring(array.get(i), path)) {
          path.addFirst(Integer.toString(i));
          return true;
        }
      }
    }
    return false;
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

package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The top-level contexts one reader parsed lately, each with its exact bytes: a body that starts with
 * {@code {"@context":} followed by the same bytes (then {@code ,} and a key, or the end of the object) is given the
 * same context tree without the context being tokenized, built and compared again. Peers send one context with every
 * document; PeerTube's is 1,800 of a Video's 12,700 characters and about 15 % of reading it. Equal bytes at a value's
 * position are the same JSON value, so the tree read is the one parsing would build; anything else (another context,
 * spaces or escapes written differently, {@code @context} not first) is parsed as before.
 *
 * <p>Bounded: {@link #ENTRIES} contexts of at most {@link #MAX_BYTES} bytes, so a lookup compares at most that many
 * bytes per entry whatever a peer sends. Thread-safe: the entries are replaced, never changed, and a remembered tree
 * is a copy no caller ever sees.
 */
final class KnownContexts {
  /** Contexts remembered: the few peers' contexts of a busy inbox. */
  static final int ENTRIES = 8;
  /** Largest context remembered, in bytes; PeerTube's Video context is about 1,800. */
  static final int MAX_BYTES = 16_384;
  private static final byte[] CONTEXT_KEY = "\"@context\"".getBytes(StandardCharsets.US_ASCII);

  /** A remembered context: its bytes, its tree, and the JSON values and nesting levels it counts for. */
  record Known(byte[] bytes, JsonNode context, int nodes, int depth) {}

  /** A body that starts with a known context: the context, and the rest of the body as a document of its own. */
  record Match(Known known, byte[] rest) {}

  private volatile Known[] known = new Known[0];

  /** The known context {@code body} starts with, or {@code null}. */
  Match find(byte[] body) {
    int start = contextStart(body);
    if (start < 0) {
      return null;
    }
    for (Known candidate : known) {
      int end = start + candidate.bytes().length;
      if (end <= body.length && Arrays.equals(body, start, end, candidate.bytes(), 0, candidate.bytes().length)) {
        int next = skipSpace(body, end);
        if (next < body.length && body[next] == '}') {
          return new Match(candidate, rest(body, next));
        }
        int key = next < body.length && body[next] == ',' ? skipSpace(body, next + 1) : body.length;
        return key < body.length && body[key] == '"' ? new Match(candidate, rest(body, key)) : null;
      }
    }
    return null;
  }

  /**
   * Remembers the context of a body just parsed whole, when it was its first property: {@code end} is where its value
   * ended in {@code body}, {@code context} the tree built for it.
   */
  void remember(byte[] body, int end, JsonNode context) {
    int start = contextStart(body);
    if (start < 0 || end - start > MAX_BYTES || !context.isContainerNode()) {
      return;
    }
    byte[] bytes = Arrays.copyOfRange(body, start, end);
    Known[] current = known;
    for (Known kept : current) {
      if (Arrays.equals(kept.bytes(), bytes)) {
        return;
      }
    }
    JsonNode copy = context.deepCopy();
    Known entry = new Known(bytes, copy, count(copy, false), count(copy, true));
    Known[] next = new Known[Math.min(current.length + 1, ENTRIES)];
    next[0] = entry;
    System.arraycopy(current, 0, next, 1, next.length - 1);
    known = next;
  }

  /** Where the value of {@code "@context"} starts when it is the body's first key (spaces allowed), or -1. */
  private static int contextStart(byte[] body) {
    int p = skipSpace(body, 0);
    if (p == body.length || body[p] != '{') {
      return -1;
    }
    p = skipSpace(body, p + 1);
    if (body.length - p < CONTEXT_KEY.length
        || !Arrays.equals(body, p, p + CONTEXT_KEY.length, CONTEXT_KEY, 0, CONTEXT_KEY.length)) {
      return -1;
    }
    p = skipSpace(body, p + CONTEXT_KEY.length);
    return p < body.length && body[p] == ':' ? skipSpace(body, p + 1) : -1;
  }

  private static int skipSpace(byte[] body, int from) {
    int p = from;
    while (p < body.length && (body[p] == ' ' || body[p] == '\n' || body[p] == '\r' || body[p] == '\t')) {
      p++;
    }
    return p;
  }

  /** {@code {} followed by {@code body} from {@code from}: the top object without its context. */
  private static byte[] rest(byte[] body, int from) {
    byte[] rest = new byte[1 + body.length - from];
    rest[0] = '{';
    System.arraycopy(body, from, rest, 1, body.length - from);
    return rest;
  }

  /** The JSON values in {@code node}, or with {@code levels} how deeply they nest (1 for a scalar); no recursion. */
  private static int count(JsonNode node, boolean levels) {
    int values = 0;
    int deepest = 0;
    ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
    ArrayDeque<Integer> depths = new ArrayDeque<>();
    nodes.push(node);
    depths.push(1);
    while (!nodes.isEmpty()) {
      JsonNode next = nodes.pop();
      int depth = depths.pop();
      values++;
      deepest = Math.max(deepest, depth);
      for (JsonNode child : next) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return levels ? deepest : values;
  }
}

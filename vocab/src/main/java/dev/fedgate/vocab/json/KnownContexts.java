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
 * <p>Bounded: the {@link #ENTRIES} contexts used last, of at most {@link #MAX_BYTES} bytes each, so a lookup compares
 * at most that many bytes per entry whatever a peer sends. A miss costs the lookup and, when the context is
 * remembered, a copy of its bytes and one count of its values. Thread-safe: the entries are replaced, never changed.
 * A remembered tree is the one built for the document that brought it; it is never changed, since no caller of the
 * reader sees the tree and a {@link dev.fedgate.vocab.jsonld.ContextNormalizer} never changes a document.
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
    Known[] current = known;
    for (int i = 0; i < current.length; i++) {
      Known candidate = current[i];
      int end = start + candidate.bytes().length;
      if (end <= body.length && Arrays.equals(body, start, end, candidate.bytes(), 0, candidate.bytes().length)) {
        if (i > 0) {
          first(current, i, candidate);
        }
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
    int[] counted = count(context);
    first(current, Math.min(current.length, ENTRIES - 1), new Known(bytes, context, counted[0], counted[1]));
  }

  /** Puts {@code entry} first, in place of the one at {@code replaced} (or of none when that is the length). */
  private void first(Known[] current, int replaced, Known entry) {
    Known[] next = new Known[Math.max(current.length, replaced + 1)];
    next[0] = entry;
    System.arraycopy(current, 0, next, 1, replaced);
    if (replaced < current.length) {
      System.arraycopy(current, replaced + 1, next, replaced + 1, current.length - replaced - 1);
    }
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

  /** The JSON values in {@code node} and how deeply they nest (1 for a scalar), in one pass without recursion. */
  private static int[] count(JsonNode node) {
    int values = 0;
    int deepest = 0;
    ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
    int[] depths = new int[16];
    nodes.push(node);
    depths[0] = 1;
    while (!nodes.isEmpty()) {
      int depth = depths[nodes.size() - 1];
      JsonNode next = nodes.pop();
      values++;
      deepest = Math.max(deepest, depth);
      for (JsonNode child : next) {
        if (nodes.size() == depths.length) {
          depths = Arrays.copyOf(depths, depths.length * 2);
        }
        depths[nodes.size()] = depth + 1;
        nodes.push(child);
      }
    }
    return new int[] {values, deepest};
  }

}

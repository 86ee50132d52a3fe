package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.jsonld.DocumentScan.Resolved;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The top-level contexts a {@link DocumentScan} resolved, remembered with what they resolved to: found by shape and
 * then compared in order, or, for a context a parser handed whole ({@link ParseScan#knownContext}), by identity.
 * Bounded; thread-safe.
 */
final class ResolvedContexts {
  /**
   * Distinct top-level contexts remembered. Peers send the same few contexts with every document, so resolving each
   * once keeps the fast path cheap; a flood of distinct ones only empties the cache and costs re-resolving.
   */
  static final int CACHED_CONTEXTS = 256;
  /**
   * Remembered contexts with one shape ({@code bounded}'s hash: the structure, the keys, and the length and end
   * characters of each string) at most: a lookup compares a context with at most this many, whatever a peer sends.
   */
  static final int SAME_SHAPE = 4;
  /** Largest context remembered, in characters of names and strings: PeerTube's Video context has about 4,000. */
  static final int CACHED_CONTEXT_CHARS = 16_384;
  /**
   * Top-level contexts a parser handed whole ({@link ParseScan#knownContext}) remembered by identity, so such a
   * context is neither hashed nor compared again: as many as the reader's parser keeps.
   */
  static final int KNOWN_CONTEXTS = 8;

  private final Map<Integer, List<Remembered>> resolvedContexts = new ConcurrentHashMap<>();
  private volatile KnownContext[] knownContexts = new KnownContext[0];

  /** What {@code context} resolved to when last met, by identity, or {@code null}. */
  Resolved byIdentity(JsonNode context) {
    for (KnownContext known : knownContexts) {
      if (known.context() == context) {
        return known.resolved();
      }
    }
    return null;
  }

  /** Remembers what {@code context}, handed whole by a parser and never changed, resolved to. */
  void rememberByIdentity(JsonNode context, Resolved resolved) {
    KnownContext[] current = knownContexts;
    KnownContext[] next = new KnownContext[Math.min(current.length + 1, KNOWN_CONTEXTS)];
    next[0] = new KnownContext(context, resolved);
    System.arraycopy(current, 0, next, 1, next.length - 1);
    knownContexts = next;
  }

  /** The remembered context with {@code shape} that is {@code context}, in order (peers send theirs the same way). */
  Resolved recall(JsonNode context, int shape) {
    List<Remembered> same = resolvedContexts.get(shape);
    if (same != null) {
      for (Remembered remembered : same) {
        if (sameInOrder(remembered.context(), context)) {
          return remembered.resolved();
        }
      }
    }
    return null;
  }

  /** Remembers a copy of {@code context} (the caller may change its document later) unless it is too large. */
  void remember(int shape, JsonNode context, Resolved resolved) {
    if (characters(context) > CACHED_CONTEXT_CHARS) {
      return;
    }
    Remembered entry = new Remembered(context.deepCopy(), resolved);
    if (resolvedContexts.size() >= CACHED_CONTEXTS / SAME_SHAPE) {
      resolvedContexts.clear();
    }
    resolvedContexts.merge(shape, List.of(entry), (kept, added) -> kept.size() >= SAME_SHAPE ? kept
        : Stream.concat(kept.stream(), added.stream()).toList());
  }

  /**
   * Whether two JSON values are equal with object keys in the same order, compared without a map lookup per key.
   * Recursion is as deep as the remembered context, which was bounded before it was remembered.
   */
  private static boolean sameInOrder(JsonNode a, JsonNode b) {
    if (!a.isContainerNode() || !b.isContainerNode()) {
      return a.equals(b);
    }
    if (a.isArray() != b.isArray() || a.size() != b.size()) {
      return false;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameInOrder(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    Iterator<Map.Entry<String, JsonNode>> left = a.fields();
    Iterator<Map.Entry<String, JsonNode>> right = b.fields();
    while (left.hasNext()) {
      Map.Entry<String, JsonNode> l = left.next();
      Map.Entry<String, JsonNode> r = right.next();
      if (!l.getKey().equals(r.getKey()) || !sameInOrder(l.getValue(), r.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A context a parser handed whole, and what it resolved to. */
  private record KnownContext(JsonNode context, Resolved resolved) {}

  /** A top-level context as remembered: a copy of its JSON, and what it resolved to. */
  private record Remembered(JsonNode context, Resolved resolved) {}

  /** The characters of every name and string in {@code node}: what remembering it costs, roughly. */
  private static int characters(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().length();
    }
    int total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      total += field.getKey().length() + characters(field.getValue());
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        total += characters(element);
      }
    }
    return total;
  }
}

package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a parser noted about one document while building its tree, so that
 * {@link ContextNormalizer#normalize(com.fasterxml.jackson.databind.node.ObjectNode, ParseScan)} can decide the fast
 * path without walking the tree again: how many JSON values it holds and how deeply they nest, whether an object
 * below the top one carries its own {@code @context}, every distinct key used outside the top-level context, and the
 * values of every {@code type} key there. Made by a {@link Recorder} fed the document's values in order.
 */
public final class ParseScan {
  /** The key whose values are recorded: the only term the canonical context defines as {@code @type}. */
  static final String TYPE = "type";

  private final int nodes;
  private final int depth;
  private final boolean nestedContext;
  private final List<String> keys;
  private final List<JsonNode> types;

  private ParseScan(Recorder recorder) {
    this.nodes = recorder.nodes;
    this.depth = recorder.depth;
    this.nestedContext = recorder.nestedContext;
    String[] present = new String[recorder.keyCount];
    int n = 0;
    for (String key : recorder.keys) {
      if (key != null) {
        present[n++] = key;
      }
    }
    this.keys = Collections.unmodifiableList(Arrays.asList(present));
    this.types = List.copyOf(recorder.types);
  }

  /** JSON values in the document, its own top object and the contexts' values included. */
  int nodes() {
    return nodes;
  }

  /** The deepest nesting of a value, the top object being at depth 1. */
  int depth() {
    return depth;
  }

  /** Whether an object other than the top one has an {@code @context} key (its terms apply below it only). */
  boolean nestedContext() {
    return nestedContext;
  }

  /** The distinct keys outside the top-level context, {@code @context} itself left out. */
  List<String> keys() {
    return keys;
  }

  /** The values of every {@code type} key outside the top-level context, in document order. */
  List<JsonNode> types() {
    return types;
  }

  /**
   * Records one document as its parser builds it: {@link #key} for each property name, {@link #value} for each value
   * as it is added (a container before its contents), {@link #end} for each closed container. Used for one document,
   * by one thread.
   */
  public static final class Recorder {
    private int nodes;
    private int depth;
    private boolean nestedContext;
    /** Containers open. */
    private int level;
    /** The level of the open top-level context container, or 0 when not inside one. */
    private int contextLevel;
    /** The name of the value to come, {@code null} for an array element. */
    private String key;
    /** An open-addressing table of the distinct keys, at most half full, {@code null} in the empty slots. */
    private String[] keys = new String[64];
    private int keyCount;
    private final List<JsonNode> types = new ArrayList<>();

    /** The next value's property name. */
    public void key(String name) {
      key = name;
      if (contextLevel != 0) {
        return;
      }
      if (name.equals("@context")) {
        nestedContext |= level > 1;
      } else {
        addKey(name);
      }
    }

    /** A value added to the open container (or the document itself); a container's contents follow. */
    public void value(JsonNode node) {
      nodes++;
      depth = Math.max(depth, level + 1);
      if (contextLevel == 0 && TYPE.equals(key)) {
        types.add(node);
      }
      if (node.isContainerNode()) {
        level++;
        if (level == 2 && contextLevel == 0 && "@context".equals(key)) {
          contextLevel = level;
        }
      }
      key = null;
    }

    /**
     * A whole value of {@code count} JSON values nesting {@code levels} deep (1 for a string) added to the open
     * object under the last {@link #key}, its contents not told one by one: a top-level context the parser already
     * knew, which is not recorded beyond these counts.
     */
    public void known(int count, int levels) {
      nodes += count;
      depth = Math.max(depth, level + levels);
      key = null;
    }

    /** The innermost open container closed. */
    public void end() {
      if (level == contextLevel) {
        contextLevel = 0;
      }
      level--;
    }

    /** What was recorded. */
    public ParseScan scan() {
      return new ParseScan(this);
    }

    private void addKey(String name) {
      int mask = keys.length - 1;
      int h = name.hashCode();
      int i = (h ^ (h >>> 16)) & mask;
      while (keys[i] != null) {
        if (keys[i].equals(name)) {
          return;
        }
        i = (i + 1) & mask;
      }
      keys[i] = name;
      if (++keyCount * 2 > keys.length) {
        String[] kept = keys;
        keys = new String[kept.length * 2];
        keyCount = 0;
        for (String k : kept) {
          if (k != null) {
            addKey(k);
          }
        }
      }
    }
  }
}

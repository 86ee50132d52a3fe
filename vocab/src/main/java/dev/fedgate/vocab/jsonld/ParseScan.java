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
 * distinct values of every {@code type} key there. Made by a {@link Recorder} fed the document's values in order.
 */
public final class ParseScan {
  /** The key whose values are recorded: the only term the canonical context defines as {@code @type}. */
  static final String TYPE = "type";

  private final int nodes;
  private final int depth;
  private final boolean nestedContext;
  private final List<String> keys;
  private final List<String> typeNames;
  private final List<JsonNode> otherTypes;
  private final JsonNode knownContext;

  private ParseScan(Recorder recorder) {
    this.nodes = recorder.nodes;
    this.depth = recorder.depth;
    this.nestedContext = recorder.nestedContext;
    this.keys = recorder.keys.toList();
    this.typeNames = recorder.typeNames.toList();
    this.otherTypes = List.copyOf(recorder.otherTypes);
    this.knownContext = recorder.knownContext;
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

  /**
   * The top-level context when the parser added it whole ({@link Recorder#known}): the same instance for every document
   * that has it, never changed, so what it resolves to can be remembered by identity. {@code null} otherwise.
   */
  JsonNode knownContext() {
    return knownContext;
  }

  /** The distinct strings given as the value of a {@code type} key outside the top-level context. */
  List<String> typeNames() {
    return typeNames;
  }

  /** The other values of {@code type} keys there (arrays, and values that are not strings), in document order. */
  List<JsonNode> otherTypes() {
    return otherTypes;
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
    private final Names keys = new Names();
    private final Names typeNames = new Names();
    private String lastTypeName;
    private final List<JsonNode> otherTypes = new ArrayList<>();
    private JsonNode knownContext;

    /** The next value's property name. */
    public void key(String name) {
      key = name;
      if (contextLevel != 0) {
        return;
      }
      if (name.equals("@context")) {
        nestedContext |= level > 1;
      } else {
        keys.add(name);
      }
    }

    /** A value added to the open container (or the document itself); a container's contents follow. */
    public void value(JsonNode node) {
      nodes++;
      depth = Math.max(depth, level + 1);
      if (contextLevel == 0 && TYPE.equals(key)) {
        if (node.isTextual()) {
          // runs of one type are common (a Video's links, a link's info hashes); text values have no cached hash
          String name = node.textValue();
          if (!name.equals(lastTypeName)) {
            typeNames.add(name);
            lastTypeName = name;
          }
        } else {
          otherTypes.add(node);
        }
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
     * The top-level context, added whole to the top object under the last {@link #key}, its contents not told one by
     * one: a context the parser already knew, of {@code count} JSON values nesting {@code levels} deep (1 for a
     * string). The parser hands the same instance for every document with that context and never changes it.
     */
    public void known(JsonNode context, int count, int levels) {
      knownContext = context;
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
  }

  /** A set of names as an open-addressing table at most half full: a few dozen names, no entry objects. */
  private static final class Names {
    private String[] table = new String[64];
    private int count;

    void add(String name) {
      int mask = table.length - 1;
      int h = name.hashCode();
      int i = (h ^ (h >>> 16)) & mask;
      while (table[i] != null) {
        if (table[i].equals(name)) {
          return;
        }
        i = (i + 1) & mask;
      }
      table[i] = name;
      if (++count * 2 > table.length) {
        String[] kept = table;
        table = new String[kept.length * 2];
        count = 0;
        for (String k : kept) {
          if (k != null) {
            add(k);
          }
        }
      }
    }

    List<String> toList() {
      String[] present = new String[count];
      int n = 0;
      for (String name : table) {
        if (name != null) {
          present[n++] = name;
        }
      }
      return Collections.unmodifiableList(Arrays.asList(present));
    }
  }
}

package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Checks a parsed tree against {@link ReadLimits}. Recursion stops at the depth limit, so a tree built by a caller
 * (not parsed under Jackson's own constraints) cannot overflow the stack either.
 */
final class LimitCheck {
  private final ReadLimits limits;

  LimitCheck(ReadLimits limits) {
    this.limits = limits;
  }

  void check(JsonNode node) {
    check(node, new ArrayDeque<>(), 1);
  }

  /** {@code path} holds the pointer's segments; the pointer string is only built for a refusal. */
  private void check(JsonNode node, Deque<String> path, int depth) {
    if (node.isContainerNode() && depth > limits.maxDepth()) {
      throw exceeded(pointer(path), "nesting deeper than " + limits.maxDepth());
    }
    if (node.isTextual() && node.textValue().length() > limits.maxStringLength()) {
      throw exceeded(pointer(path), "string longer than " + limits.maxStringLength());
    }
    if (node.isArray()) {
      if (node.size() > limits.maxArrayLength()) {
        throw exceeded(pointer(path), "array longer than " + limits.maxArrayLength());
      }
      for (int i = 0; i < node.size(); i++) {
        path.addLast(Integer.toString(i));
        check(node.get(i), path, depth + 1);
        path.removeLast();
      }
    } else if (node.isObject()) {
      if (node.size() > limits.maxArrayLength()) {
        throw exceeded(pointer(path), "more than " + limits.maxArrayLength() + " properties");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().length() > limits.maxStringLength()) {
          throw exceeded(pointer(path), "property name longer than " + limits.maxStringLength());
        }
        path.addLast(e.getKey());
        check(e.getValue(), path, depth + 1);
        path.removeLast();
      }
    }
  }

  private static String pointer(Deque<String> path) {
    StringBuilder pointer = new StringBuilder();
    path.forEach(segment -> pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1")));
    return pointer.toString();
  }

  static VocabException exceeded(String pointer, String rule) {
    return new VocabException(VocabProblem.LIMIT_EXCEEDED, pointer, rule);
  }
}

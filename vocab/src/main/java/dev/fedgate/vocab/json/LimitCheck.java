package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.util.Map;

/**
 * Checks a tree handed in by a caller against {@link ReadLimits} ({@link TreeParser} checks a body while parsing
 * it). Recursion stops at the depth limit, so a tree not parsed under Jackson's constraints cannot overflow the stack.
 */
final class LimitCheck {
  private final ReadLimits limits;

  LimitCheck(ReadLimits limits) {
    this.limits = limits;
  }

  void check(JsonNode node) {
    check(node, Pointer.ROOT, 1);
  }

  private void check(JsonNode node, Pointer path, int depth) {
    if (node.isContainerNode() && depth > limits.maxDepth()) {
      throw exceeded(path.toString(), "nesting deeper than " + limits.maxDepth());
    }
    if (node.isTextual() && node.textValue().length() > limits.maxStringLength()) {
      throw exceeded(path.toString(), "string longer than " + limits.maxStringLength());
    }
    if (node.isArray()) {
      if (node.size() > limits.maxArrayLength()) {
        throw exceeded(path.toString(), "array longer than " + limits.maxArrayLength());
      }
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path.child(i), depth + 1);
      }
    } else if (node.isObject()) {
      if (node.size() > limits.maxArrayLength()) {
        throw exceeded(path.toString(), "more than " + limits.maxArrayLength() + " properties");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().length() > limits.maxStringLength()) {
          throw exceeded(path.toString(), "property name longer than " + limits.maxStringLength());
        }
        check(e.getValue(), path.child(e.getKey()), depth + 1);
      }
    }
  }

  static VocabException exceeded(String pointer, String rule) {
    return new VocabException(VocabProblem.LIMIT_EXCEEDED, pointer, rule);
  }
}

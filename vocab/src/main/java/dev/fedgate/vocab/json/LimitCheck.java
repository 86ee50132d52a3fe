package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
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
    check(node, "", 1);
  }

  private void check(JsonNode node, String pointer, int depth) {
    if (node.isContainerNode() && depth > limits.maxDepth()) {
      throw exceeded(pointer, "nesting deeper than " + limits.maxDepth());
    }
    if (node.isTextual() && node.textValue().length() > limits.maxStringLength()) {
      throw exceeded(pointer, "string longer than " + limits.maxStringLength());
    }
    if (node.isArray()) {
      if (node.size() > limits.maxArrayLength()) {
        throw exceeded(pointer, "array longer than " + limits.maxArrayLength());
      }
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), pointer + "/" + i, depth + 1);
      }
    } else if (node.isObject()) {
      if (node.size() > limits.maxArrayLength()) {
        throw exceeded(pointer, "more than " + limits.maxArrayLength() + " properties");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().length() > limits.maxStringLength()) {
          throw exceeded(pointer, "property name longer than " + limits.maxStringLength());
        }
        check(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), depth + 1);
      }
    }
  }

  static VocabException exceeded(String pointer, String rule) {
    return new VocabException(VocabProblem.LIMIT_EXCEEDED, pointer, rule);
  }
}

package dev.fedgate.vocab.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.jsonld.ParseScan;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Builds the Jackson tree of one document from the token stream, refusing over-long arrays, objects with too many
 * properties and duplicate keys as it goes; with the parser's own constraints (depth, string and name lengths) that
 * is every {@link ReadLimits} bound, so a parsed document needs no second walk. Nodes are what
 * {@code ObjectMapper.readTree} builds. No recursion: open containers are on a heap stack.
 */
final class TreeParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int maxItems;

  TreeParser(ReadLimits limits) {
    this.maxItems = limits.maxArrayLength();
  }

  /**
   * A parsed document ({@code null} for a stream with no value), and the byte offset where the value of its top
   * object's {@code @context} ended when that value is an array or object, else -1.
   */
  record Parsed(JsonNode root, long contextEnd) {}

  /**
   * The one JSON value of the stream; trailing tokens are refused. Every name and value is also told to {@code scan},
   * in document order. {@code known}, when not {@code null}, is the document's top-level context, cut from the stream
   * (which then holds the rest of the top object): it becomes the top object's first property.
   */
  Parsed read(JsonParser parser, ParseScan.Recorder scan, KnownContexts.Known known) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return new Parsed(null, -1);
    }
    ArrayDeque<JsonNode> open = new ArrayDeque<>();
    JsonNode root = null;
    long contextEnd = -1;
    while (root == null) {
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        JsonNode closed = open.pop();
        scan.end();
        root = open.isEmpty() ? closed : null;
        if (open.size() == 1 && contextEnd < 0 && open.peek().get("@context") == closed) {
          contextEnd = parser.currentLocation().getByteOffset();
        }
      } else if (token == JsonToken.FIELD_NAME) {
        scan.key(parser.currentName());
      } else {
        JsonNode value = value(parser, token);
        if (!open.isEmpty()) {
          add(parser, token, open.peek(), value);
        }
        scan.value(value);
        if (value.isContainerNode()) {
          open.push(value);
          if (known != null && open.size() == 1) {
            ((ObjectNode) value).set("@context", known.context());
            scan.key("@context");
            scan.known(known.context(), known.nodes(), known.depth());
          }
        } else {
          root = open.isEmpty() ? value : null;
        }
      }
      token = root == null ? parser.nextToken() : null;
    }
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "trailing tokens after the document");
    }
    return new Parsed(root, contextEnd);
  }

  private void add(JsonParser parser, JsonToken token, JsonNode container, JsonNode value) throws IOException {
    JsonStreamContext at = containerContext(parser, token);
    if (container.size() == maxItems) {
      String what = container.isArray() ? "array longer than " : "more than ";
      String unit = container.isArray() ? "" : " properties";
      throw LimitCheck.exceeded(pointer(at.getParent()), what + maxItems + unit);
    }
    if (container instanceof ArrayNode array) {
      array.add(value);
      return;
    }
    String name = parser.currentName();
    if (((ObjectNode) container).replace(name, value) != null) {
      // Two values for one key let two readers of one document disagree.
      throw new VocabException(VocabProblem.MALFORMED_JSON, pointer(at), "not valid JSON: duplicate key '" + name
          + "'");
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return NODES.objectNode();
      case START_ARRAY:
        return NODES.arrayNode();
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(parser, "unexpected " + token);
    }
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      default:
        return NODES.numberNode(parser.getBigIntegerValue());
    }
  }

  /**
   * The context of the container a value at {@code token} goes into (a container start has opened its own); its path
   * is the value's pointer, its parent's path the container's.
   */
  private static JsonStreamContext containerContext(JsonParser parser, JsonToken token) {
    JsonStreamContext context = parser.getParsingContext();
    return token.isStructStart() ? context.getParent() : context;
  }

  private static String pointer(JsonStreamContext context) {
    return context.pathAsPointer().toString();
  }
}

package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.testdata.SharedData;
import dev.fedgate.vocab.VocabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a parser records for the fast-path decision, and that deciding from it answers exactly what walking the tree
 * answers: the same document returned, the same compaction, or the same refusal at the same pointer.
 */
class ParseScanTest {
  private static final String AS = "\"https://www.w3.org/ns/activitystreams\"";
  /** Replay's marker for a container's end. */
  private static final Object END = new Object();

  private final JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();

  @Test
  void records_distinctKeysAndTypes_outsideTheTopLevelContext() {
    ParseScan scan = scan(Json.object("""
        {"@context": [%s, {"type": "@type", "Video": "as:Video"}], "type": "Video",
         "tag": [{"type": "Hashtag", "name": "#a"}, {"type": ["Mention"], "name": "@b"}, {"type": "Hashtag"},
                 {"type": 3}]}""".formatted(AS)));

    assertThat(scan.keys()).containsExactlyInAnyOrder("type", "tag", "name");
    assertThat(scan.typeNames()).containsExactlyInAnyOrder("Video", "Hashtag");
    assertThat(scan.otherTypes()).extracting(JsonNode::toString).containsExactly("[\"Mention\"]", "3");
    assertThat(scan.nestedContext()).isFalse();
    assertThat(scan.knownContext()).isNull();
  }

  @Test
  void countsEveryValue_andTheDeepestNesting_contextsIncluded() {
    ParseScan scan = scan(Json.object("{\"@context\": [" + AS + ", {\"a\": {\"@id\": \"as:a\"}}], \"x\": [[1]]}"));

    // the document, the context array, its URL and object, "a"'s object and its @id; x, its array and 1
    assertThat(scan.nodes()).isEqualTo(9);
    assertThat(scan.depth()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\": \"Create\", \"object\": {\"@context\": {\"actor\": \"https://evil.example/a\"}, \"type\": \"Note\"}}",
      "{\"type\": \"Note\", \"tag\": [{\"type\": \"Mention\"}, {\"@context\": [\"%s\"], \"type\": \"Hashtag\"}]}",
      "{\"type\": \"Note\", \"tag\": [[{\"@context\": null, \"type\": \"Hashtag\"}]]}"})
  void notesAContext_inAnEmbeddedObject_atAnyDepth(String document) {
    assertThat(scan(Json.object(document.formatted("https://www.w3.org/ns/activitystreams"))).nestedContext())
        .isTrue();
  }

  @Test
  void notesNoNestedContext_forAnArrayOfContexts_orAContextObjectAtTheTop() {
    ObjectNode document = Json.object("""
        {"@context": [%s, "https://w3id.org/security/v1", {"sc": "http://schema.org/", "@context": {}}],
         "type": "Note"}""".formatted(AS));

    assertThat(scan(document).nestedContext()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // fast path: ActivityStreams implied, an array of known contexts, extension terms
      "{\"type\": \"Note\", \"id\": \"https://a.example/1\"}",
      "{\"@context\": [AS, \"https://w3id.org/security/v1\", {\"toot\": \"http://joinmastodon.org/ns#\","
          + " \"Emoji\": \"toot:Emoji\"}], \"type\": \"Note\", \"tag\": [{\"type\": \"Emoji\", \"name\": \":a:\"}]}",
      "{\"@context\": [AS, {\"pt\": \"https://joinpeertube.org/ns#\", \"uuid\": \"sc:identifier\","
          + " \"sc\": \"http://schema.org/\"}], \"type\": \"Video\", \"uuid\": \"1\"}",
      // redefinitions at the top, of keys and of type names, in embedded objects and arrays of objects
      "{\"@context\": [AS, {\"actor\": \"https://evil.example/a\"}], \"type\": \"Follow\", \"actor\": \"https://a/u\"}",
      "{\"@context\": [AS, {\"Follow\": \"as:Block\"}], \"type\": \"Follow\", \"object\": {\"type\": \"Note\"}}",
      "{\"@context\": [AS, {\"Mention\": \"as:Hashtag\"}], \"type\": \"Note\", \"tag\": [{\"type\": [\"Mention\"]}]}",
      "{\"@context\": [AS, {\"kind\": \"@type\"}], \"type\": \"Note\", \"kind\": \"Note\"}",
      "{\"@context\": [AS, {\"href\": \"https://evil.example/h\"}], \"type\": \"Note\","
          + " \"tag\": [{\"type\": \"Mention\", \"href\": \"https://a/u\"}]}",
      "{\"@context\": AS, \"type\": \"Announce\", \"actor\": \"https://a/u\", \"object\": {\"@context\":"
          + " {\"actor\": \"https://evil.example/a\"}, \"type\": \"Like\", \"actor\": \"https://evil/u\"}}",
      "{\"@context\": AS, \"type\": \"Note\", \"tag\": [{\"type\": \"Mention\"}, {\"@context\": {\"href\":"
          + " \"https://evil.example/h\"}, \"type\": \"Mention\", \"href\": \"https://a/u\"}]}",
      "{\"@context\": AS, \"type\": \"Note\", \"attachment\": [{\"@context\": [AS], \"type\": \"Image\"}]}",
      // keywords, odd types, resets, unknown and invalid contexts
      "{\"@context\": AS, \"@type\": \"Note\", \"@id\": \"https://a.example/1\"}",
      "{\"@context\": AS, \"type\": 3}",
      "{\"@context\": AS, \"type\": [\"Note\", {\"a\": 1}]}",
      "{\"@context\": [AS, null], \"type\": \"Note\"}",
      "{\"@context\": [AS, {\"@vocab\": \"_:\"}], \"type\": \"Note\"}",
      "{\"@context\": \"https://evil.example/ns\", \"type\": \"Note\"}",
      "{\"@context\": 7, \"type\": \"Note\"}",
      "{\"@context\": AS, \"type\": \"Note\", \"object\": {\"@context\": \"https://evil.example/ns\"}}",
      "{\"@context\": [AS, {\"@protected\": true, \"x\": \"as:x\"}], \"type\": \"Note\"}"})
  void decidesAsTheWalkDecides(String document) {
    assertSameDecision(Json.object(document.replace("AS", AS)));
  }

  @Test
  void decidesAsTheWalkDecides_overTheLimits() {
    ObjectNode wide = Json.object("{\"@context\": " + AS + ", \"type\": \"Note\"}");
    ArrayNode tags = wide.putArray("tag");
    for (int i = 0; i <= JsonLdContextNormalizer.DEFAULT_MAX_NODES; i++) {
      tags.add("t");
    }
    ObjectNode deep = Json.object("{\"@context\": " + AS + ", \"type\": \"Note\"}");
    ArrayNode deepest = deep.putArray("content");
    for (int i = 0; i < JsonLdContextNormalizer.DEFAULT_MAX_DEPTH; i++) {
      deepest = deepest.addArray();
    }
    assertSameDecision(wide);
    assertSameDecision(deep);
  }

  @Test
  void decidesAsTheWalkDecides_forEveryFixture() throws IOException {
    try (Stream<Path> files = Files.walk(SharedData.root().resolve("fixtures"))) {
      List<Path> documents = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
      int objects = 0;
      for (Path file : documents) {
        if (Json.read(file) instanceof ObjectNode document) {
          assertSameDecision(document);
          objects++;
        }
      }
      assertThat(objects).isGreaterThan(500);
    }
  }

  /** The walk's outcome, the scan's, and twice the scan's with the context handed whole (found by identity). */
  private void assertSameDecision(ObjectNode document) {
    String walked = outcome(() -> normalizer.normalize(document), document);
    assertThat(outcome(() -> normalizer.normalize(document, scan(document)), document)).as(document.toString())
        .isEqualTo(walked);
    for (int i = 0; i < 2; i++) {
      assertThat(outcome(() -> normalizer.normalize(document, scanWithKnownContext(document)), document))
          .as(document.toString()).isEqualTo(walked);
    }
  }

  private static String outcome(Supplier<ObjectNode> normalize, ObjectNode document) {
    try {
      ObjectNode normalized = normalize.get();
      return normalized == document ? "as is" : "compacted to " + normalized;
    } catch (VocabException e) {
      return e.problem() + " at " + e.pointer() + ": " + e.rule();
    }
  }

  /** What a parser records for {@code document}: its values replayed in document order, iteratively. */
  static ParseScan scan(JsonNode document) {
    ParseScan.Recorder recorder = new ParseScan.Recorder();
    replay(document, recorder);
    return recorder.scan();
  }

  /** What the reader's parser records when it already knew the document's top-level context. */
  private static ParseScan scanWithKnownContext(ObjectNode document) {
    ParseScan.Recorder recorder = new ParseScan.Recorder();
    recorder.value(document);
    JsonNode context = document.get("@context");
    if (context != null) {
      ParseScan counted = scan(context);
      recorder.key("@context");
      recorder.known(context, counted.nodes(), counted.depth());
    }
    for (Map.Entry<String, JsonNode> field : document.properties()) {
      if (!field.getKey().equals("@context")) {
        recorder.key(field.getKey());
        replay(field.getValue(), recorder);
      }
    }
    recorder.end();
    return recorder.scan();
  }

  private static void replay(JsonNode value, ParseScan.Recorder recorder) {
    List<Object> work = new ArrayList<>(List.of(value));
    while (!work.isEmpty()) {
      Object next = work.remove(work.size() - 1);
      if (next == END) {
        recorder.end();
      } else if (next instanceof String key) {
        recorder.key(key);
      } else {
        JsonNode node = (JsonNode) next;
        recorder.value(node);
        if (node.isContainerNode()) {
          work.add(END);
          List<Object> children = new ArrayList<>();
          if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
              children.add(field.getKey());
              children.add(field.getValue());
            }
          } else {
            node.forEach(children::add);
          }
          for (int i = children.size() - 1; i >= 0; i--) {
            work.add(children.get(i));
          }
        }
      }
    }
  }
}

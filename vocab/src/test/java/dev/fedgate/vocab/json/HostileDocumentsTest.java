package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.testing.Fixtures;
import dev.fedgate.vocab.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile input is refused with the right problem and pointer; nothing overflows the stack or the heap. */
class HostileDocumentsTest {
  private static final String NOTE = "{\"type\":\"Note\",\"id\":\"https://a.example/n/1\",";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * The decoder's own refusals, with their pointers: the identity normalizer hands every document straight to it (the
   * real normalizer refuses some of these earlier, at the document level; {@code JsonLdReadingTest} covers that path).
   */
  private final VocabReader reader = VocabReader.create(Fixtures.IDENTITY, ReadLimits.DEFAULT);

  @Test
  void refusesDeepNesting_inBytes() {
    String deep = NOTE + "\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertRefused(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8)), VocabProblem.LIMIT_EXCEEDED, "/x/0/0");
  }

  @Test
  void refusesDeepNesting_inTree() {
    ObjectNode root = note();
    ArrayNode inner = root.putArray("x");
    for (int i = 0; i < 100_000; i++) {
      inner = inner.addArray();
    }

    assertRefused(() -> reader.read(root), VocabProblem.LIMIT_EXCEEDED, "/x/0/0");
  }

  @Test
  void refusesGiantArray() {
    ObjectNode root = note();
    ArrayNode to = root.putArray("to");
    for (int i = 0; i < ReadLimits.DEFAULT.maxArrayLength() + 1; i++) {
      to.add("https://a.example/u/" + i);
    }

    assertRefused(() -> reader.read(root), VocabProblem.LIMIT_EXCEEDED, "/to");
  }

  @Test
  void refusesLongString_inBytes() {
    String body = NOTE + "\"content\":\"" + "x".repeat(ReadLimits.DEFAULT.maxStringLength() + 1) + "\"}";

    assertRefused(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)), VocabProblem.LIMIT_EXCEEDED,
        "/content");
  }

  @Test
  void refusesLongString_inTree() {
    ObjectNode root = note().put("content", "x".repeat(ReadLimits.DEFAULT.maxStringLength() + 1));

    assertRefused(() -> reader.read(root), VocabProblem.LIMIT_EXCEEDED, "/content");
  }

  @Test
  void refusesLargeBody_beforeParsing() {
    VocabReader small = VocabReader.create(Fixtures.IDENTITY, new ReadLimits(64, 8, 8, 64));

    assertRefused(() -> small.read(new byte[65]), VocabProblem.LIMIT_EXCEEDED, "");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not json", "{\"type\":", ""),
        Arguments.of("empty", "", ""),
        Arguments.of("trailing tokens", NOTE + "\"content\":\"x\"} {}", ""),
        Arguments.of("duplicate key", NOTE + "\"id\":\"https://b.example/n/2\"}", "/id"),
        Arguments.of("array at top", "[]", ""),
        Arguments.of("string at top", "\"Note\"", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesMalformed(String name, String body, String pointer) {
    assertRefused(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)), VocabProblem.MALFORMED_JSON, pointer);
  }

  @Test
  void refusesMissingTypeAndId() {
    assertRefused(() -> reader.read(F.objectNode().put("id", "https://a.example/1")),
        VocabProblem.MISSING_PROPERTY, "/type");
    assertRefused(() -> reader.read(F.objectNode().put("type", "Question")), VocabProblem.MISSING_PROPERTY, "/id");
  }

  @Test
  void refusesDurationWithHoursAndMinutes_whichPeerTubeMisreads() {
    ObjectNode video = VocabWriter.create().toJson(Samples.video()).put("duration", "PT1H2M3S");

    assertThatThrownBy(() -> reader.read(video)).isInstanceOfSatisfying(VocabException.class,
        e -> assertThat(e.getMessage()).isEqualTo("/duration: must be PT<seconds>S"));
  }

  @Test
  void readsOneElementArray_whereOneIdBelongs() {
    ObjectNode actor = F.objectNode().put("type", "Person").put("id", "https://a.example/u/1");
    actor.putArray("inbox").add("https://a.example/u/1/inbox");

    assertThat(((Actor) reader.read(actor)).inbox()).hasValueSatisfying(
        inbox -> assertThat(inbox).hasToString("https://a.example/u/1/inbox"));
  }

  @Test
  void refusesTwoIds_whereOneBelongs() {
    ObjectNode actor = F.objectNode().put("type", "Person").put("id", "https://a.example/u/1");
    actor.putArray("inbox").add("https://a.example/u/1/inbox").add("https://a.example/u/1/inbox2");

    assertRefused(() -> reader.read(actor), VocabProblem.INVALID_VALUE, "/inbox");
  }

  @Test
  void refusesEmbeddedObjectOfWrongType_inActorPosition() {
    ObjectNode like = F.objectNode().put("type", "Like").put("id", "https://a.example/l/1")
        .put("object", "https://b.example/v/1");
    like.set("actor", note());

    assertRefused(() -> reader.read(like), VocabProblem.INVALID_VALUE, "/actor");
  }

  /** Every value of every document we render, replaced by a value of the wrong type. */
  static Stream<Arguments> wrongTypes() {
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, ApObject> sample : Samples.all().entrySet()) {
      ObjectNode json = VocabWriter.create().toJson(sample.getValue());
      json.remove("@context");
      positions(json, "").forEach(p -> cases.add(Arguments.of(sample.getKey(), p)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("wrongTypes")
  void refusesWrongType_atEveryPosition(String sample, String pointer) {
    ObjectNode json = VocabWriter.create().toJson(Samples.all().get(sample));
    replace(json, pointer, F.arrayNode().add(true));

    assertThatThrownBy(() -> reader.read(json)).isInstanceOfSatisfying(VocabException.class, e -> {
      assertThat(e.problem()).isIn(VocabProblem.INVALID_VALUE, VocabProblem.MISSING_PROPERTY);
      assertThat(e.pointer()).startsWith(pointer);
    });
  }

  private static List<String> positions(JsonNode node, String pointer) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = pointer + "/" + e.getKey();
        out.add(child);
        out.addAll(positions(e.getValue(), child));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(pointer + "/" + i);
        out.addAll(positions(node.get(i), pointer + "/" + i));
      }
    }
    return out;
  }

  private static void replace(ObjectNode root, String pointer, JsonNode value) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
  }

  private static ObjectNode note() {
    return F.objectNode().put("type", "Note").put("id", "https://a.example/n/1");
  }

  private static void assertRefused(Runnable read, VocabProblem problem, String pointerPrefix) {
    assertThatThrownBy(read::run).isInstanceOfSatisfying(VocabException.class, e -> {
      assertThat(e.problem()).isEqualTo(problem);
      assertThat(e.pointer()).startsWith(pointerPrefix);
    });
  }
}

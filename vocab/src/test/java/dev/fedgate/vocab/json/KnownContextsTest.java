package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import dev.fedgate.vocab.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A top-level context the reader parsed before is taken by its exact bytes, and what is read is what parsing it again
 * would read: the same value, the same refusal, the same limits.
 */
class KnownContextsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTEXT = "[\"https://www.w3.org/ns/activitystreams\", {\"sensitive\": \"as:sensitive\"}]";
  private static final String NOTE = "{\"@context\": " + CONTEXT + ", \"type\": \"Note\", \"id\": \"https://a.example/1\"";

  @Test
  void find_matchesTheSameBytes_andLeavesTheRestOfTheTopObject() throws IOException {
    KnownContexts known = new KnownContexts();
    byte[] first = bytes(NOTE + "}");
    JsonNode context = MAPPER.readTree(CONTEXT);
    assertThat(known.find(first)).isNull();

    known.remember(first, first.length - ", \"type\": \"Note\", \"id\": \"https://a.example/1\"}".length(), context);
    KnownContexts.Match match = known.find(bytes(" {\n \"@context\" : " + CONTEXT + " ,\"name\": \"x\"}"));

    assertThat(match).isNotNull();
    assertThat(match.known().context()).isSameAs(context);
    assertThat(match.known().nodes()).isEqualTo(4);
    assertThat(match.known().depth()).isEqualTo(3);
    assertThat(new String(match.rest(), StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"x\"}");
    assertThat(new String(known.find(bytes("{\"@context\":" + CONTEXT + "}")).rest(), StandardCharsets.UTF_8))
        .isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\": \"Note\", \"@context\": CONTEXT}",
      "{\"@context\": CONTEXT,}",
      "{\"@context\": CONTEXT ]}",
      "{\"@context\": CONTEXT, 1: 2}",
      "{\"@context\": [\"https://www.w3.org/ns/activitystreams\",{\"sensitive\": \"as:sensitive\"}], \"type\": \"x\"}",
      "{\"\\u0040context\": CONTEXT, \"type\": \"x\"}",
      "[\"@context\", CONTEXT]"})
  void find_leavesToTheParser_whatIsNotTheContextFirstThenAKeyOrTheEnd(String body) throws IOException {
    KnownContexts known = remembering(CONTEXT);

    assertThat(known.find(bytes(body.replace("CONTEXT", CONTEXT)))).isNull();
  }

  @Test
  void remember_keepsTheEntriesUsedLast_andNoLargeContext() throws IOException {
    KnownContexts known = remembering(CONTEXT);
    for (int i = 0; i < KnownContexts.ENTRIES - 1; i++) {
      remember(known, "[\"https://a.example/" + i + "\"]");
    }
    assertThat(known.find(bytes(NOTE + "}"))).isNotNull();
    remember(known, "[\"https://a.example/last\"]");

    assertThat(known.find(bytes(NOTE + "}"))).isNotNull();
    assertThat(known.find(bytes("{\"@context\": [\"https://a.example/last\"]}"))).isNotNull();
    assertThat(known.find(bytes("{\"@context\": [\"https://a.example/1\"]}"))).isNotNull();
    assertThat(known.find(bytes("{\"@context\": [\"https://a.example/0\"]}"))).isNull();

    String large = "[\"https://a.example/" + "x".repeat(KnownContexts.MAX_BYTES) + "\"]";
    remember(known, large);
    assertThat(known.find(bytes("{\"@context\": " + large + "}"))).isNull();
  }

  @Test
  void aKnownContext_readsAsParsingItWould_againAndAgain() throws IOException {
    VocabReader reader = Fixtures.reader();
    byte[] video = Fixtures.body("lemmy/crates/apub/apub/assets/peertube/objects/video.json");
    Object fromTree = reader.read(MAPPER.readTree(video));

    for (int i = 0; i < 3; i++) {
      assertThat(reader.read(video)).isEqualTo(fromTree);
    }
  }

  @Test
  void aKnownContextThatRedefinesATerm_isNeverReadAsIs() throws IOException {
    VocabReader reader = Fixtures.reader();
    byte[] hostile = bytes("{\"@context\": [\"https://www.w3.org/ns/activitystreams\", {\"attributedTo\":"
        + " \"https://evil.example/a\"}], \"type\": \"Note\", \"id\": \"https://a.example/1\","
        + " \"attributedTo\": \"https://evil.example/u\"}");
    Note fromTree = (Note) reader.read(MAPPER.readTree(hostile));

    for (int i = 0; i < 3; i++) {
      Note note = (Note) reader.read(hostile);
      assertThat(note).isEqualTo(fromTree);
      assertThat(note.attributedTo()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      ", \"@context\": \"https://www.w3.org/ns/activitystreams\"}|/@context|duplicate key '@context'",
      ", \"content\": }|/content|not valid JSON",
      "} []|| trailing tokens"})
  void aKnownContext_leavesTheSameRefusals(String tail) {
    String[] parts = tail.split("\\|", -1);
    VocabReader primed = Fixtures.reader();
    primed.read(bytes(NOTE + "}"));

    for (VocabReader reader : List.of(Fixtures.reader(), primed)) {
      assertThatThrownBy(() -> reader.read(bytes(NOTE + parts[0]))).isInstanceOfSatisfying(VocabException.class,
          e -> {
            assertThat(e.problem()).isEqualTo(VocabProblem.MALFORMED_JSON);
            assertThat(e.pointer()).isEqualTo(parts[1]);
            assertThat(e.getMessage()).contains(parts[2].trim());
          });
    }
  }

  @Test
  void aKnownContext_countsAgainstTheLimits_asParsed() {
    // the context's four values and nesting count: 4 + the document, type and id = 7 values, 4 levels deep
    VocabReader sevenValues = VocabReader.create(JsonLdContextNormalizer.builder().maxNodes(7).build(),
        ReadLimits.DEFAULT);
    VocabReader sixValues = VocabReader.create(JsonLdContextNormalizer.builder().maxNodes(6).build(),
        ReadLimits.DEFAULT);
    VocabReader twoDeep = VocabReader.create(JsonLdContextNormalizer.builder().maxDepth(2).build(),
        ReadLimits.DEFAULT);
    VocabReader threeProperties = VocabReader.create(Fixtures.IDENTITY, new ReadLimits(1 << 20, 32, 3, 1000));
    byte[] note = bytes(NOTE + "}");

    for (int i = 0; i < 2; i++) {
      assertThat(sevenValues.read(note)).isNotNull();
      assertThat(threeProperties.read(note)).isNotNull();
      assertRefused(() -> sixValues.read(note), "JSON values");
      assertRefused(() -> twoDeep.read(note), "nested deeper than 2");
      assertRefused(() -> threeProperties.read(bytes(NOTE + ", \"name\": \"n\"}")), "more than 3 properties");
    }
  }

  private static void assertRefused(Runnable read, String rule) {
    assertThatThrownBy(read::run).isInstanceOfSatisfying(VocabException.class, e -> {
      assertThat(e.problem()).isEqualTo(VocabProblem.LIMIT_EXCEEDED);
      assertThat(e.rule()).contains(rule);
    });
  }

  private static KnownContexts remembering(String context) throws IOException {
    KnownContexts known = new KnownContexts();
    remember(known, context);
    return known;
  }

  private static void remember(KnownContexts known, String context) throws IOException {
    byte[] body = bytes("{\"@context\": " + context + "}");
    known.remember(body, body.length - 1, MAPPER.readTree(context));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.jsonld.ParseScan;
import dev.fedgate.vocab.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader's one-pass tree building: the same nodes as {@code ObjectMapper.readTree}, and every limit Jackson's
 * constraints do not cover refused while parsing, at the right pointer.
 */
class TreeParserTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ReadLimits SMALL = new ReadLimits(1 << 16, 4, 3, 100);
  private final VocabReader small = VocabReader.create(Fixtures.IDENTITY, SMALL);

  @Test
  void buildsTheNodesReadTreeBuilds_forRealDocumentsAndEveryKindOfNumber() throws IOException {
    String numbers = "{\"a\":[0,-1,2147483647,2147483648,-9223372036854775808,9223372036854775808,1.5,-0.0,"
        + "1e400,1E-400,12345678901234567890.5,3.0],\"b\":{\"c\":[true,false,null,\"x\\u00e9\"]}}";
    for (byte[] body : new byte[][] {numbers.getBytes(StandardCharsets.UTF_8),
        Fixtures.body("lemmy/crates/apub/apub/assets/peertube/objects/video.json"),
        Fixtures.body("mastodon/spec/fixtures/requests/activitypub-actor.txt")}) {
      JsonNode expected = MAPPER.readTree(body);
      JsonNode actual = new TreeParser(ReadLimits.DEFAULT)
          .read(MAPPER.getFactory().createParser(body), new ParseScan.Recorder(), null).root();

      assertThat(actual).isEqualTo(expected);
      assertSameNodeClasses(actual, expected);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"Note\",\"to\":[1,2,3,4]}|/to|array longer than 3",
      "{\"type\":\"Note\",\"x\":{\"a\":[[1,2,3,4]]}}|/x/a/0|array longer than 3",
      "{\"type\":\"Note\",\"x\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}|/x|more than 3 properties",
      "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}||more than 3 properties"})
  void refusesTooManyItems_whileParsing(String body, String pointer, String rule) {
    assertRefused(body, VocabProblem.LIMIT_EXCEEDED, pointer == null ? "" : pointer, rule);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"Note\",\"id\":\"a\",\"id\":\"b\"}|/id|id",
      "{\"type\":\"Note\",\"x\":[{\"k\":1,\"k\":{}}]}|/x/0/k|k",
      "{\"type\":\"Note\",\"x\":{\"k\":[],\"k\":[]}}|/x/k|k"})
  void refusesDuplicateKeys_atTheKey(String body, String pointer, String key) {
    assertRefused(body, VocabProblem.MALFORMED_JSON, pointer, "not valid JSON: duplicate key '" + key + "'");
  }

  @Test
  void allowsTheDepthLimit_andRefusesOneMore_inBytesAsInTrees() throws IOException {
    String atLimit = "{\"type\":\"Note\",\"id\":\"https://a.example/1\",\"x\":[[{}]]}";
    String beyond = "{\"type\":\"Note\",\"id\":\"https://a.example/1\",\"x\":[[{\"y\":[]}]]}";

    assertThat(small.read(atLimit.getBytes(StandardCharsets.UTF_8))).isNotNull();
    assertThat(small.read(MAPPER.readTree(atLimit))).isNotNull();
    assertThatThrownBy(() -> small.read(beyond.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(
        VocabException.class, e -> assertThat(e.problem()).isEqualTo(VocabProblem.LIMIT_EXCEEDED));
    assertThatThrownBy(() -> small.read(MAPPER.readTree(beyond))).isInstanceOfSatisfying(
        VocabException.class, e -> assertThat(e.problem()).isEqualTo(VocabProblem.LIMIT_EXCEEDED));
  }

  @Test
  void refusesPropertyNamesLongerThanTheStringLimit() {
    String body = "{\"type\":\"Note\",\"" + "k".repeat(101) + "\":1}";

    assertThatThrownBy(() -> small.read(body.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(
        VocabException.class, e -> assertThat(e.problem()).isEqualTo(VocabProblem.LIMIT_EXCEEDED));
  }

  private void assertRefused(String body, VocabProblem problem, String pointer, String rule) {
    assertThatThrownBy(() -> small.read(body.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(
        VocabException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.rule()).isEqualTo(rule);
        });
  }

  private static void assertSameNodeClasses(JsonNode actual, JsonNode expected) {
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      assertSameNodeClasses(actual.get(field.getKey()), field.getValue());
    }
    for (int i = 0; i < expected.size() && expected.isArray(); i++) {
      assertSameNodeClasses(actual.get(i), expected.get(i));
    }
  }
}

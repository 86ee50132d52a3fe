package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.jsonld.CanonicalContext;
import dev.fedgate.vocab.testing.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact JSON we render for each document kind ({@code src/test/resources/golden/<name>.json}): key names,
 * key order, array-or-value shapes. A change to any of them is a change to what peers receive, reviewed here. The
 * golden files leave out {@code @context}, which is checked to be {@link CanonicalContext#json()} (pinned by its own
 * resource), so a context change does not rewrite every golden file.
 */
class GoldenFilesTest {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<String> names() {
    return Samples.all().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void rendersExactly_goldenFile(String name) throws IOException {
    ObjectNode document = VocabWriter.create().toJson(Samples.all().get(name));

    assertThat(document.fieldNames().next()).isEqualTo("@context");
    assertThat(document.remove("@context")).isEqualTo(CanonicalContext.json());
    assertThat(PRETTY.writeValueAsString(document) + "\n").isEqualTo(golden(name));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name + ".json")) {
      assertThat(in).as("golden/" + name + ".json").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

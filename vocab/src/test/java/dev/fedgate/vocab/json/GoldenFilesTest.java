package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fedgate.vocab.testing.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact JSON we render for each document kind ({@code src/test/resources/golden/<name>.json}): key names,
 * key order, array-or-value shapes. A change to any of them is a change to what peers receive, reviewed here.
 */
class GoldenFilesTest {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<String> names() {
    return Samples.all().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void rendersExactly_goldenFile(String name) throws IOException {
    assertThat(render(name)).isEqualTo(golden(name));
  }

  static String render(String name) throws JsonProcessingException {
    return PRETTY.writeValueAsString(VocabWriter.create().toJson(Samples.all().get(name))) + "\n";
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name + ".json")) {
      assertThat(in).as("golden/" + name + ".json").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

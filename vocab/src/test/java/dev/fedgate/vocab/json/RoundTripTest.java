package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.testing.Fixtures;
import dev.fedgate.vocab.testing.Samples;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing then reading gives back an equal value: for everything we render, and for every real document we read. */
class RoundTripTest {
  private final VocabWriter writer = VocabWriter.create();

  static Stream<String> samples() {
    return Samples.all().keySet().stream();
  }

  static Stream<String> fixtures() {
    return FixtureCorpusTest.documents();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void readsBackEqual_renderedSample(String name) {
    ApObject value = Samples.all().get(name);

    assertThat(Fixtures.reader().read(writer.write(value))).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void readsBackEqual_realDocument(String file) {
    ApObject value = Fixtures.reader().read(Fixtures.body(file));

    assertThat(Fixtures.reader().read(writer.write(value))).isEqualTo(value);
  }
}

package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C ActivityStreams test documents are spec examples, not peer output: many have no ids, which references
 * need. Each one either reads or is refused with a {@link VocabException}; none breaks the reader, and the
 * {@code fail/} documents are refused.
 */
class W3cExamplesTest {
  static Stream<String> examples() {
    return Fixtures.files("w3c-activitystreams").stream().filter(f -> !f.contains("/fail/"));
  }

  /** A top-level {@code Image} is not a type we read alone: it stays {@code Unrecognized}, its url not interpreted. */
  private static final String READ_AS_UNRECOGNIZED = "w3c-activitystreams/test/fail/relative-uri-for-url.json";

  static Stream<String> failures() {
    return Fixtures.files("w3c-activitystreams").stream()
        .filter(f -> f.contains("/fail/") && !f.equals(READ_AS_UNRECOGNIZED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readsOrRefuses_specExample(String file) {
    assertThatCode(() -> {
      try {
        Fixtures.reader().read(Fixtures.body(file));
      } catch (VocabException refused) {
        // A refusal names where: that is the behaviour under test.
        org.assertj.core.api.Assertions.assertThat(refused.pointer()).isNotNull();
      }
    }).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void refuses_invalidDocument(String file) {
    assertThatThrownBy(() -> Fixtures.reader().read(Fixtures.body(file))).isInstanceOf(VocabException.class);
  }
}

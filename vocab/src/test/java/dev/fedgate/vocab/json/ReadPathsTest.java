package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A document read from bytes (the normalizer deciding from what the parser recorded) reads exactly as its parsed
 * tree does (the normalizer walking the tree): the same value or the same refusal.
 */
class ReadPathsTest {
  /** Refuses duplicate keys as the reader's parser does (by default Jackson keeps the last value). */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final VocabReader READER = Fixtures.reader();

  @Test
  void everyFixture_readsTheSameFromBytesAsFromItsTree() {
    int read = 0;
    for (String file : Fixtures.files("peertube", "mastodon", "lemmy", "mobilizon", "akkoma", "fedify", "mbin")) {
      byte[] body = Fixtures.body(file);
      if (isJsonObject(body)) {
        assertSameOutcome(file, body);
        read++;
      }
    }
    assertThat(read).isGreaterThan(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"@context\": [AS, {\"href\": \"https://evil.example/h\"}], \"type\": \"Note\", \"id\": \"https://a.example/1\","
          + " \"tag\": [{\"type\": \"Mention\", \"href\": \"https://a.example/u\"}]}",
      "{\"@context\": AS, \"type\": \"Note\", \"id\": \"https://a.example/1\", \"tag\": [{\"type\": \"Hashtag\","
          + " \"name\": \"#a\"}, {\"@context\": {\"href\": \"https://evil.example/h\"}, \"type\": \"Mention\","
          + " \"href\": \"https://a.example/u\"}]}",
      "{\"@context\": AS, \"type\": \"Create\", \"id\": \"https://a.example/1\", \"actor\": \"https://a.example/u\","
          + " \"object\": {\"@context\": [AS, {\"attributedTo\": \"https://evil.example/a\"}], \"type\": \"Note\","
          + " \"id\": \"https://a.example/2\", \"attributedTo\": \"https://evil.example/u\"}}",
      "{\"@context\": [AS, {\"Note\": \"as:Tombstone\"}], \"type\": \"Note\", \"id\": \"https://a.example/1\"}"})
  void redefinitions_readTheSameFromBytesAsFromTheTree(String document) {
    assertSameOutcome(document, document.replace("AS", "\"https://www.w3.org/ns/activitystreams\"")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSameOutcome(String name, byte[] body) {
    String fromBytes = outcome(() -> READER.read(body).toString());
    String fromTree = outcome(() -> {
      try {
        return READER.read(MAPPER.readTree(body)).toString();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(fromBytes).as(name).isEqualTo(fromTree);
  }

  /** Whether {@code body} is a JSON object (some fixture files are HTML, XML, templates or have duplicate keys). */
  private static boolean isJsonObject(byte[] body) {
    try {
      return MAPPER.readTree(body).isObject();
    } catch (IOException e) {
      return false;
    }
  }

  private static String outcome(Supplier<String> read) {
    try {
      return read.get();
    } catch (VocabException e) {
      return e.getMessage() + " (" + e.problem() + ")";
    }
  }
}

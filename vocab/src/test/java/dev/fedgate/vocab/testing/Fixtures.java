package dev.fedgate.vocab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.testdata.SharedData;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import dev.fedgate.vocab.jsonld.ContextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real documents of {@code shared/fixtures}, read in place: the ActivityStreams body of each file, whether the
 * file is plain JSON, a recorded HTTP response (Mastodon's {@code .txt}), or a JSON-wrapped HTTP exchange
 * (WordPress's and PeerTube's {@code {headers, body}}).
 */
public final class Fixtures {
  /** The decoder alone, for tests of its own refusals: every document handed to it as it is. */
  public static final ContextNormalizer IDENTITY = document -> document;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** A reader with the real JSON-LD normalizer (bundled contexts only) and default limits, as the gateway reads. */
  public static VocabReader reader() {
    return VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
  }

  /** Every {@code .json} and {@code .txt} file under {@code fixtures/<server>}, as paths relative to fixtures/. */
  public static List<String> files(String... servers) {
    Path root = SharedData.root().resolve("fixtures");
    return Arrays.stream(servers).flatMap(server -> {
      try (Stream<Path> walk = Files.walk(root.resolve(server))) {
        return walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".txt"))
            .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  /** The ActivityStreams document a fixture holds, as bytes. */
  public static byte[] body(String relative) {
    try {
      byte[] raw = Files.readAllBytes(SharedData.fixture(relative));
      if (relative.endsWith(".txt")) {
        return httpBody(new String(raw, StandardCharsets.UTF_8));
      }
      // Letterbook's files start with a BOM. Mbin's snapshots scrub ids and dates to placeholders, put back as a
      // fixed URL and date so the rest of each document is still read.
      String text = new String(raw, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "")
          .replace("\"SCRUBBED_DATE\"", "\"2024-01-01T00:00:00Z\"")
          .replace("\"SCRUBBED_ID\"", "\"https://kbin.test/scrubbed-id\"");
      JsonNode tree = MAPPER.readTree(text);
      if (tree != null && tree.isObject() && tree.has("headers") && tree.has("body")) {
        JsonNode body = tree.get("body");
        return body.isTextual() ? body.textValue().getBytes(StandardCharsets.UTF_8)
            : MAPPER.writeValueAsBytes(body);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed document a fixture holds. */
  public static JsonNode tree(String relative) {
    try {
      return MAPPER.readTree(body(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] httpBody(String response) {
    int blank = response.indexOf("\r\n\r\n");
    int skip = 4;
    if (blank < 0) {
      blank = response.indexOf("\n\n");
      skip = 2;
    }
    return response.substring(blank + skip).getBytes(StandardCharsets.UTF_8);
  }
}

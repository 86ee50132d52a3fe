package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.testdata.SharedData;
import dev.fedgate.vocab.VocabException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document with a {@code @context} in the shared fixtures (read in place) either takes the fast path or
 * normalizes without error; the only refusals are the W3C negative cases and Akkoma templates whose context URL has
 * an unfilled {@code {{domain}}} host. Context documents themselves (only a {@code @context} member) are skipped.
 */
class FixtureContextsTest {
  private static final Map<String, String> EXPECTED_REFUSALS = Map.of(
      "akkoma/test/fixtures/mastodon/collections/featured.json", "UNKNOWN_CONTEXT",
      "akkoma/test/fixtures/webfinger/pleroma-user.json", "UNKNOWN_CONTEXT",
      "w3c-activitystreams/test/fail/number-as-type.json", "INVALID_VALUE",
      "w3c-activitystreams/test/fail/other-context.json", "UNKNOWN_CONTEXT");

  private final JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();

  @Test
  void everyFixture_takesFastPathOrNormalizes_exceptTheKnownRefusals() {
    Map<String, String> outcomes = outcomes();
    Map<String, String> refusals = new TreeMap<>();
    outcomes.forEach((file, outcome) -> {
      if (!outcome.equals("FAST") && !outcome.equals("JSON-LD")) {
        refusals.put(file, outcome);
      }
    });
    assertThat(refusals).isEqualTo(new TreeMap<>(EXPECTED_REFUSALS));
    assertThat(outcomes.values().stream().filter("FAST"::equals).count()).isGreaterThan(500);
  }

  @Test
  void peerTubeAndMastodonDocuments_takeTheFastPath() {
    Map<String, String> outcomes = outcomes();
    assertThat(outcomes)
        .containsEntry("peertube/server/tests/fixtures/ap-json/mastodon/create-bad-signature.json", "FAST")
        .containsEntry("lemmy/crates/apub/apub/assets/mastodon/activities/create_note.json", "FAST")
        .containsEntry("lemmy/crates/apub/apub/assets/peertube/objects/video.json", "FAST")
        .containsEntry("lemmy/crates/apub/apub/assets/pleroma/activities/create_note.json", "FAST")
        .containsEntry("fedify/packages/fixture/src/fixtures/wizard.casa/users/hongminhee.json", "FAST")
        .containsEntry("akkoma/test/fixtures/tesla_mock/kaniini@hubzilla.example.org.json", "FAST");
  }

  @Test
  void jsonLdPathOutput_alwaysCarriesTheCanonicalContext_andReadsAsIs() {
    for (Path file : documents()) {
      ObjectNode document = (ObjectNode) Json.read(file);
      ObjectNode normalized;
      try {
        normalized = normalizer.normalize(document);
      } catch (VocabException refused) {
        continue;
      }
      if (normalized != document) {
        assertThat(normalized.get("@context")).as(file.toString()).isEqualTo(CanonicalContext.json());
        assertThat(normalizer.normalize(normalized)).as(file.toString()).isSameAs(normalized);
      }
    }
  }

  private Map<String, String> outcomes() {
    Path root = SharedData.root().resolve("fixtures");
    Map<String, String> outcomes = new TreeMap<>();
    for (Path file : documents()) {
      ObjectNode document = (ObjectNode) Json.read(file);
      String outcome;
      try {
        outcome = normalizer.normalize(document) == document ? "FAST" : "JSON-LD";
      } catch (VocabException e) {
        outcome = e.problem().name();
      }
      outcomes.put(root.relativize(file).toString().replace('\\', '/'), outcome);
    }
    return outcomes;
  }

  private static List<Path> documents() {
    Path root = SharedData.root().resolve("fixtures");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted()
          .filter(FixtureContextsTest::isDocumentWithContext).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isDocumentWithContext(Path file) {
    JsonNode json = Json.read(file);
    return json instanceof ObjectNode object && object.has("@context") && object.size() > 1;
  }
}

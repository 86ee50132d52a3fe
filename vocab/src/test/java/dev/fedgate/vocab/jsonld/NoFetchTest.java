package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.jsonldjava.core.JsonLdError;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoFetchTest {
  /** Serves the bundle and fails the test when anything else is asked for. */
  private static final class BundleOnly implements ContextSource {
    final List<String> asked = new ArrayList<>();

    @Override
    public Optional<BundledContext> find(String url) {
      asked.add(url);
      Optional<BundledContext> bundled = BundledContexts.shipped().find(url);
      if (bundled.isEmpty()) {
        fail("asked for a context that is not bundled: " + url);
      }
      return bundled;
    }
  }

  @Test
  void jsonLdPath_loadsOnlyBundledContexts() {
    BundleOnly source = new BundleOnly();
    JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.builder().contexts(source).build();
    ObjectNode document = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1",
                      "https://mastodon.example/schemas/litepub-0.1.jsonld", "https://join-lemmy.org/context.json",
                      {"by": "as:actor"}],
         "type": "Like", "by": "https://a.example/u", "object": "https://tube.example/videos/watch/1"}""");
    ObjectNode normalized = normalizer.normalize(document);
    assertThat(normalized.get("actor").textValue()).isEqualTo("https://a.example/u");
    assertThat(source.asked).contains("https://mastodon.example/schemas/litepub-0.1.jsonld",
        "https://join-lemmy.org/context.json");
  }

  @Test
  void unknownContext_isRefusedBeforeJsonLdProcessingStarts() {
    List<String> asked = new ArrayList<>();
    ContextSource recording = url -> {
      asked.add(url);
      return BundledContexts.shipped().find(url);
    };
    JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.builder().contexts(recording).build();
    asked.clear();
    ObjectNode document = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", "https://evil.example/ctx", {"by": "as:actor"}],
         "type": "Like", "by": "https://a.example/u"}""");
    assertThatThrownBy(() -> normalizer.normalize(document)).isInstanceOfSatisfying(VocabException.class,
        e -> assertThat(e.problem()).isEqualTo(VocabProblem.UNKNOWN_CONTEXT));
    assertThat(asked).containsExactly("https://www.w3.org/ns/activitystreams", "https://evil.example/ctx");
  }

  @Test
  void loader_refusesUnbundledUrl_withoutFallingBackToTheNetwork() {
    BundledDocumentLoader loader = new BundledDocumentLoader(BundledContexts.shipped());
    assertThatThrownBy(() -> loader.loadDocument("https://www.w3.org/ns/did/v2"))
        .isInstanceOfSatisfying(JsonLdError.class,
            e -> assertThat(e.getType()).isEqualTo(JsonLdError.Error.LOADING_REMOTE_CONTEXT_FAILED));
    assertThat(loader.loadDocument("https://w3id.org/security/v1").getDocument()).isNotNull();
  }
}

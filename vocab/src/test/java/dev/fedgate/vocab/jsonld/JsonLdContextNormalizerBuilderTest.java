package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import org.junit.jupiter.api.Test;

class JsonLdContextNormalizerBuilderTest {
  @Test
  void settingAnOptionTwice_isRefused_namingIt() {
    assertThatThrownBy(() -> JsonLdContextNormalizer.builder().maxDepth(5).maxDepth(6))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxDepth was already set to 5");
  }

  @Test
  void nonPositiveLimit_isRefused() {
    assertThatThrownBy(() -> JsonLdContextNormalizer.builder().maxNodes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNodes");
  }

  @Test
  void configuredLimits_apply() {
    JsonLdContextNormalizer strict = JsonLdContextNormalizer.builder()
        .maxDepth(3).maxNodes(100).maxContexts(2).maxTermDefinitions(1).maxContextNesting(1).build();
    assertThatThrownBy(() -> strict.normalize(Json.object("{\"a\": {\"b\": {\"c\": [1]}}}")))
        .isInstanceOfSatisfying(VocabException.class, e -> {
          assertThat(e.problem()).isEqualTo(VocabProblem.LIMIT_EXCEEDED);
          assertThat(e.pointer()).isEqualTo("/a/b/c");
        });
    assertThatThrownBy(() -> strict.normalize(Json.object("{\"@context\": {\"a\": \"as:a\", \"b\": \"as:b\"}}")))
        .isInstanceOfSatisfying(VocabException.class,
            e -> assertThat(e.rule()).contains("more than 1 term definitions"));
    assertThat(strict.normalize(Json.object("{\"@context\": {\"a\": \"https://x.example/a\"}, \"a\": 1}")))
        .isNotNull();
  }
}

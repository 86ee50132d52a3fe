package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.testdata.SharedData;
import org.junit.jupiter.api.Test;

class BundledContextsTest {
  private final BundledContexts bundled = BundledContexts.shipped();

  @Test
  void verbatimCopies_equalThePublishedVectors() {
    assertThat(bundled.find("https://www.w3.org/ns/activitystreams").orElseThrow().document())
        .isEqualTo(Json.read(SharedData.vector("contexts/activitystreams.jsonld")));
    assertThat(bundled.find("https://w3id.org/security/v1").orElseThrow().document())
        .isEqualTo(Json.read(SharedData.vector("contexts/security-v1.jsonld")));
    assertThat(bundled.find("https://w3id.org/identity/v1").orElseThrow().document())
        .isEqualTo(Json.read(SharedData.vector("contexts/identity-v1.jsonld")));
  }

  @Test
  void spellingsPeersUse_resolveToTheSameContext() {
    BundledContext as2 = bundled.find("https://www.w3.org/ns/activitystreams").orElseThrow();
    assertThat(bundled.find("http://www.w3.org/ns/activitystreams#")).contains(as2);
    assertThat(bundled.find("http://w3id.org/security/v1")).isEqualTo(bundled.find("https://w3id.org/security/v1"));
  }

  @Test
  void perHostContexts_matchAnyHost_butOnlyTheirPath() {
    assertThat(bundled.find("https://pleroma.example/schemas/litepub-0.1.jsonld")).isPresent();
    assertThat(bundled.find("http://localhost:4001/schemas/litepub-0.1.jsonld")).isPresent();
    assertThat(bundled.find("https://fedia.io/contexts")).isPresent();
    assertThat(bundled.find("https://{{domain}}/schemas/litepub-0.1.jsonld")).isEmpty();
    assertThat(bundled.find("https://pleroma.example/schemas/litepub-0.1.jsonld?x")).isEmpty();
    assertThat(bundled.find("ftp://pleroma.example/schemas/litepub-0.1.jsonld")).isEmpty();
  }

  @Test
  void everyBundledContext_resolvesTheContextsItNames() {
    assertThat(bundled.exactUrls()).hasSizeGreaterThan(15);
    TermDefinition sensitive = bundled.find("https://litepub.social/litepub/context.jsonld").orElseThrow()
        .terms().get("sensitive");
    assertThat(sensitive.iri()).isEqualTo("https://www.w3.org/ns/activitystreams#sensitive");
    // litepub names ActivityStreams first, so its flattened terms include AS2's
    assertThat(bundled.find("https://litepub.social/litepub/context.jsonld").orElseThrow().terms().get("actor"))
        .isNotNull();
  }

  @Test
  void everyBundledContext_namesItsSource() {
    for (String url : bundled.exactUrls()) {
      assertThat(bundled.find(url).orElseThrow().source()).as(url).isNotBlank();
    }
  }
}

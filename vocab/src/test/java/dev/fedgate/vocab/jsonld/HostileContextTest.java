package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import org.junit.jupiter.api.Test;

class HostileContextTest {
  private static final String FOLLOW = """
      {"@context": %s, "id": "https://evil.example/follow/1", "type": "Follow",
       "actor": "https://evil.example/u", "object": "https://tube.example/video-channels/c"}""";

  private final JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();

  private ObjectNode follow(String context) {
    return Json.object(FOLLOW.formatted(context));
  }

  @Test
  void redefinedActor_takesJsonLdPath_andLosesTheActorTerm() {
    ObjectNode hostile = follow("[\"https://www.w3.org/ns/activitystreams\", {\"actor\": \"https://evil.example/ns#a\"}]");
    ObjectNode normalized = normalizer.normalize(hostile);
    assertThat(normalized).isNotSameAs(hostile);
    assertThat(normalized.has("actor")).isFalse();
    assertThat(normalized.get("https://evil.example/ns#a").textValue()).isEqualTo("https://evil.example/u");
  }

  @Test
  void redefinedObject_takesJsonLdPath_andLosesTheObjectTerm() {
    ObjectNode hostile = follow("[\"https://www.w3.org/ns/activitystreams\", {\"object\": {\"@id\": \"as:target\"}}]");
    ObjectNode normalized = normalizer.normalize(hostile);
    assertThat(normalized.has("object")).isFalse();
    assertThat(normalized.get("target").textValue()).isEqualTo("https://tube.example/video-channels/c");
  }

  @Test
  void redefinedType_takesJsonLdPath_andLeavesNoType() {
    ObjectNode hostile = follow("[\"https://www.w3.org/ns/activitystreams\", {\"type\": \"https://evil.example/ns#kind\"}]");
    ObjectNode normalized = normalizer.normalize(hostile);
    assertThat(normalized.has("type")).isFalse();
    assertThat(normalized.get("https://evil.example/ns#kind").textValue()).isEqualTo("Follow");
  }

  @Test
  void redefinedTypeName_takesJsonLdPath_andReadsTheTypeItMaps() {
    ObjectNode hostile = follow("[\"https://www.w3.org/ns/activitystreams\", {\"Follow\": \"as:Block\"}]");
    assertThat(normalizer.normalize(hostile).get("type").textValue()).isEqualTo("Block");
  }

  @Test
  void redefinedPrefix_isNotTrusted_forTheTermsBuiltOnIt() {
    ObjectNode hostile = follow(
        "[\"https://www.w3.org/ns/activitystreams\", {\"as\": \"https://evil.example/ns#\", \"actor\": \"as:actor\"}]");
    ObjectNode normalized = normalizer.normalize(hostile);
    assertThat(normalized.has("actor")).isFalse();
  }

  @Test
  void vocabTrick_takesJsonLdPath() {
    ObjectNode hostile = Json.object("""
        {"@context": [null, {"@vocab": "https://evil.example/ns#", "id": "@id", "type": "@type"}],
         "id": "https://evil.example/follow/1", "type": "Follow", "actor": "https://evil.example/u"}""");
    ObjectNode normalized = normalizer.normalize(hostile);
    assertThat(normalized).isNotSameAs(hostile);
    assertThat(normalized.has("actor")).isFalse();
    assertThat(normalized.get("type").textValue()).isEqualTo("https://evil.example/ns#Follow");
  }

  @Test
  void vocabWithActivityStreamsNamespace_takesJsonLdPath_andReadsTheSame() {
    ObjectNode tricky = follow("{\"@vocab\": \"https://www.w3.org/ns/activitystreams#\"}");
    ObjectNode normalized = normalizer.normalize(tricky);
    assertThat(normalized).isNotSameAs(tricky);
    assertThat(normalized.get("actor").textValue()).isEqualTo("https://evil.example/u");
  }

  @Test
  void baseTrick_takesJsonLdPath() {
    ObjectNode tricky = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", {"@base": "https://tube.example/"}],
         "id": "follow/1", "type": "Follow", "actor": "https://evil.example/u", "object": "video-channels/c"}""");
    ObjectNode normalized = normalizer.normalize(tricky);
    assertThat(normalized.get("object").textValue()).isEqualTo("https://tube.example/video-channels/c");
  }

  @Test
  void keywordKeys_takeJsonLdPath_andReadAsAliases() {
    ObjectNode document = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams",
         "@id": "https://a.example/follow/1", "@type": "Follow", "actor": "https://a.example/u"}""");
    ObjectNode normalized = normalizer.normalize(document);
    assertThat(normalized.get("id").textValue()).isEqualTo("https://a.example/follow/1");
    assertThat(normalized.get("type").textValue()).isEqualTo("Follow");
  }

  @Test
  void nestedContext_redefiningActorInsideObject_takesJsonLdPath() {
    ObjectNode hostile = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Announce",
         "actor": "https://a.example/u",
         "object": {"@context": {"actor": "https://evil.example/ns#a"}, "type": "Like",
                    "actor": "https://evil.example/u", "object": "https://tube.example/videos/watch/1"}}""");
    ObjectNode normalized = normalizer.normalize(hostile);
    assertThat(normalized).isNotSameAs(hostile);
    assertThat(normalized.get("actor").textValue()).isEqualTo("https://a.example/u");
    assertThat(normalized.get("object").has("actor")).isFalse();
  }

  @Test
  void protectedTerms_areRefused() {
    assertRefused(follow("[\"https://www.w3.org/ns/activitystreams\", {\"@protected\": true, \"x\": \"as:x\"}]"),
        VocabProblem.INVALID_CONTEXT, "/@context", "@protected");
  }

  @Test
  void scopedContexts_areRefused() {
    assertRefused(follow("[\"https://www.w3.org/ns/activitystreams\", "
            + "{\"Follow\": {\"@id\": \"as:Follow\", \"@context\": {\"actor\": \"https://evil.example/ns#a\"}}}]"),
        VocabProblem.INVALID_CONTEXT, "/@context", "@context");
  }

  @Test
  void importAndVersionAndPropagate_areRefused() {
    assertRefused(follow("{\"@import\": \"https://evil.example/ctx\"}"), VocabProblem.INVALID_CONTEXT, "/@context",
        "@import");
    assertRefused(follow("{\"@version\": 1.1}"), VocabProblem.INVALID_CONTEXT, "/@context", "@version");
    assertRefused(follow("{\"@propagate\": false}"), VocabProblem.INVALID_CONTEXT, "/@context", "@propagate");
  }

  @Test
  void unknownRemoteContext_isRefused_withItsUrl() {
    assertRefused(follow("[\"https://www.w3.org/ns/activitystreams\", \"https://evil.example/context.jsonld\"]"),
        VocabProblem.UNKNOWN_CONTEXT, "/@context", "https://evil.example/context.jsonld");
  }

  @Test
  void unknownRemoteContext_inEmbeddedObject_isRefused_atItsPointer() {
    ObjectNode document = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Announce",
         "object": {"@context": "https://evil.example/c", "type": "Note"}}""");
    assertRefused(document, VocabProblem.UNKNOWN_CONTEXT, "/object/@context", "https://evil.example/c");
  }

  @Test
  void cyclicTermDefinitions_areRefused() {
    assertRefused(follow("[\"https://www.w3.org/ns/activitystreams\", {\"a\": \"b:x\", \"b\": \"a:y\", \"c\": \"a\"}]"),
        VocabProblem.INVALID_CONTEXT, "/@context", "cyclic");
  }

  @Test
  void contextThatIsNotAnObjectOrUrl_isRefused() {
    assertRefused(follow("42"), VocabProblem.INVALID_CONTEXT, "/@context", "URL");
  }

  @Test
  void giantContext_isRefused_beforeAnyProcessing() {
    ObjectNode context = Json.object("{}");
    for (int i = 0; i <= JsonLdContextNormalizer.DEFAULT_MAX_TERM_DEFINITIONS; i++) {
      context.put("t" + i, "https://evil.example/ns#t" + i);
    }
    assertRefused(follow(context.toString()), VocabProblem.LIMIT_EXCEEDED, "/@context", "term definitions");
  }

  @Test
  void manyContexts_areRefused() {
    StringBuilder contexts = new StringBuilder("[");
    for (int i = 0; i <= JsonLdContextNormalizer.DEFAULT_MAX_CONTEXTS; i++) {
      contexts.append(i == 0 ? "" : ",").append("\"https://www.w3.org/ns/activitystreams\"");
    }
    assertRefused(follow(contexts.append("]").toString()), VocabProblem.LIMIT_EXCEEDED, "/@context", "contexts");
  }

  @Test
  void deeplyNestedContexts_areRefused() {
    ObjectNode inner = Json.object("{\"@context\": {\"x\": \"https://a.example/x\"}, \"type\": \"Note\"}");
    for (int i = 0; i < JsonLdContextNormalizer.DEFAULT_MAX_CONTEXT_NESTING; i++) {
      ObjectNode outer = Json.object("{\"@context\": {\"x\": \"https://a.example/x\"}, \"type\": \"Note\"}");
      outer.set("object", inner);
      inner = outer;
    }
    assertRefused(inner, VocabProblem.LIMIT_EXCEEDED, "", "nested in more than");
  }

  @Test
  void deepDocument_isRefused_withoutStackOverflow() {
    ObjectNode document = Json.object("{\"@context\": \"https://www.w3.org/ns/activitystreams\"}");
    ArrayNode deepest = document.putArray("content");
    for (int i = 0; i < 100_000; i++) {
      deepest = deepest.addArray();
    }
    assertRefused(document, VocabProblem.LIMIT_EXCEEDED, "/content", "nested deeper than");
  }

  @Test
  void deepContext_isRefused_withoutStackOverflow() {
    ObjectNode document = follow("{}");
    ObjectNode deepest = document.putObject("@context").putObject("x");
    for (int i = 0; i < 100_000; i++) {
      deepest = deepest.putObject("@id");
    }
    assertRefused(document, VocabProblem.LIMIT_EXCEEDED, "/@context/x", "nested deeper than");
  }

  @Test
  void hugeDocument_isRefused() {
    ObjectNode document = Json.object("{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"type\": \"Note\"}");
    ArrayNode tags = document.putArray("tag");
    for (int i = 0; i <= JsonLdContextNormalizer.DEFAULT_MAX_NODES; i++) {
      tags.add("t");
    }
    assertRefused(document, VocabProblem.LIMIT_EXCEEDED, "/tag/", "JSON values");
  }

  private void assertRefused(ObjectNode document, VocabProblem problem, String pointerPrefix, String ruleFragment) {
    assertThatThrownBy(() -> normalizer.normalize(document)).isInstanceOfSatisfying(VocabException.class, e -> {
      assertThat(e.problem()).isEqualTo(problem);
      assertThat(e.pointer()).startsWith(pointerPrefix);
      assertThat(e.rule()).contains(ruleFragment);
    });
  }
}

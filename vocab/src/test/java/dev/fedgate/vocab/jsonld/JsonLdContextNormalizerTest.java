package dev.fedgate.vocab.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JsonLdContextNormalizerTest {
  private static final String CANONICAL = CanonicalContext.json().toString();
  private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

  /** A Mastodon-style Create{Note} replying to a video, in the canonical compact form. */
  private static final ObjectNode CREATE_NOTE = Json.object("""
      {"@context": %s,
       "id": "https://social.example/users/alice/statuses/1/activity",
       "type": "Create",
       "actor": "https://social.example/users/alice",
       "published": "2025-01-02T10:00:00Z",
       "to": "%s",
       "cc": "https://social.example/users/alice/followers",
       "object": {
         "id": "https://social.example/users/alice/statuses/1",
         "type": "Note",
         "attributedTo": "https://social.example/users/alice",
         "inReplyTo": "https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
         "content": "<p>Nice video</p>",
         "sensitive": false,
         "to": "%s",
         "tag": [{"type": "Hashtag", "href": "https://social.example/tags/video", "name": "#video"},
                 {"type": "Mention", "href": "https://tube.example/accounts/bob", "name": "@bob@tube.example"}]
       }}""".formatted(CANONICAL, PUBLIC, PUBLIC));

  private final JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();

  @Test
  void normalize_returnsDocumentItself_whenWrittenUnderCanonicalContext() {
    assertThat(normalizer.normalize(CREATE_NOTE)).isSameAs(CREATE_NOTE);
  }

  @Test
  void normalize_returnsDocumentItself_underMastodonStyleInlineTerms() {
    ObjectNode mastodon = Json.withContext(CREATE_NOTE, """
        ["https://www.w3.org/ns/activitystreams", {"ostatus": "http://ostatus.org#",
         "atomUri": "ostatus:atomUri", "sensitive": "as:sensitive", "toot": "http://joinmastodon.org/ns#",
         "Emoji": "toot:Emoji", "schema": "http://schema.org#", "PropertyValue": "schema:PropertyValue",
         "value": "schema:value", "votersCount": "toot:votersCount"}]""");
    assertThat(normalizer.normalize(mastodon)).isSameAs(mastodon);
  }

  @Test
  void normalize_readsPrefixedKeysAsTerms_withCompactIris() {
    ObjectNode prefixed = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams",
         "id": "https://social.example/users/alice/statuses/1/activity",
         "type": "as:Create",
         "as:actor": "https://social.example/users/alice",
         "published": "2025-01-02T10:00:00Z",
         "to": "as:Public",
         "cc": "https://social.example/users/alice/followers",
         "as:object": {
           "id": "https://social.example/users/alice/statuses/1",
           "type": "Note",
           "as:attributedTo": "https://social.example/users/alice",
           "inReplyTo": "https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
           "as:content": "<p>Nice video</p>",
           "as:sensitive": false,
           "to": "%s",
           "tag": [{"type": "Hashtag", "href": "https://social.example/tags/video", "name": "#video"},
                   {"type": "Mention", "href": "https://tube.example/accounts/bob", "name": "@bob@tube.example"}]
         }}""".formatted(PUBLIC));
    assertThat(normalizer.normalize(prefixed)).isEqualTo(CREATE_NOTE);
  }

  @Test
  void normalize_readsFullIriKeysAsTerms_withoutAnyContext() {
    ObjectNode expandedStyle = Json.object("""
        {"@context": [],
         "@id": "https://social.example/users/alice/statuses/1/activity",
         "@type": "https://www.w3.org/ns/activitystreams#Create",
         "https://www.w3.org/ns/activitystreams#actor": {"@id": "https://social.example/users/alice"},
         "https://www.w3.org/ns/activitystreams#published":
           {"@value": "2025-01-02T10:00:00Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
         "https://www.w3.org/ns/activitystreams#to": {"@id": "%s"},
         "https://www.w3.org/ns/activitystreams#cc": {"@id": "https://social.example/users/alice/followers"},
         "https://www.w3.org/ns/activitystreams#object": {
           "@id": "https://social.example/users/alice/statuses/1",
           "@type": "https://www.w3.org/ns/activitystreams#Note",
           "https://www.w3.org/ns/activitystreams#attributedTo": {"@id": "https://social.example/users/alice"},
           "https://www.w3.org/ns/activitystreams#inReplyTo":
             {"@id": "https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d"},
           "https://www.w3.org/ns/activitystreams#content": "<p>Nice video</p>",
           "https://www.w3.org/ns/activitystreams#sensitive": false,
           "https://www.w3.org/ns/activitystreams#to": {"@id": "http://www.w3.org/ns/activitystreams#Public"},
           "https://www.w3.org/ns/activitystreams#tag": [
             {"@type": "https://www.w3.org/ns/activitystreams#Hashtag",
              "https://www.w3.org/ns/activitystreams#href": {"@id": "https://social.example/tags/video"},
              "https://www.w3.org/ns/activitystreams#name": "#video"},
             {"@type": "https://www.w3.org/ns/activitystreams#Mention",
              "https://www.w3.org/ns/activitystreams#href": {"@id": "https://tube.example/accounts/bob"},
              "https://www.w3.org/ns/activitystreams#name": "@bob@tube.example"}]
         }}""".formatted(PUBLIC));
    assertThat(normalizer.normalize(expandedStyle)).isEqualTo(CREATE_NOTE);
  }

  @Test
  void normalize_renamesTermAliases_toCanonicalTerms() {
    ObjectNode aliased = Json.object("""
        {"@context": ["http://www.w3.org/ns/activitystreams",
           {"by": "as:actor", "what": {"@id": "as:object", "@type": "@id"}, "audience2": "as:to",
            "when": {"@id": "as:published", "@type": "xsd:dateTime"}, "nsfw": "as:sensitive",
            "text": "as:content", "kind": "@type", "ident": "@id"}],
         "ident": "https://social.example/users/alice/statuses/1/activity",
         "kind": "Create",
         "by": "https://social.example/users/alice",
         "when": "2025-01-02T10:00:00Z",
         "audience2": "as:Public",
         "cc": "https://social.example/users/alice/followers",
         "what": {
           "ident": "https://social.example/users/alice/statuses/1",
           "kind": "Note",
           "attributedTo": "https://social.example/users/alice",
           "inReplyTo": "https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
           "text": "<p>Nice video</p>",
           "nsfw": false,
           "to": "%s",
           "tag": [{"type": "Hashtag", "href": "https://social.example/tags/video", "name": "#video"},
                   {"type": "Mention", "href": "https://tube.example/accounts/bob", "name": "@bob@tube.example"}]
         }}""".formatted(PUBLIC));
    assertThat(normalizer.normalize(aliased)).isEqualTo(CREATE_NOTE);
  }

  @Test
  void normalize_givesCanonicalPublic_forCompactedAddressing() {
    ObjectNode document = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", {"actor2": "as:actor"}],
         "type": "Announce", "actor2": "https://a.example/u", "to": ["as:Public", "https://a.example/f"]}""");
    assertThat(normalizer.normalize(document).get("to"))
        .isEqualTo(Json.object("{\"to\": [\"" + PUBLIC + "\", \"https://a.example/f\"]}").get("to"));
  }

  @Test
  void normalize_turnsTypedLiteralsIntoPlainValues_andKeepsPeerTubeKeys() {
    ObjectNode video = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams",
           {"pt": "https://joinpeertube.org/ns#", "sc": "http://schema.org/", "watched": "pt:views",
            "uuid": "pt:uuid", "support": "pt:support"}],
         "type": "Video", "id": "https://tube.example/videos/watch/u1", "uuid": "u1",
         "watched": 12, "support": "Thanks!", "pt:commentsPolicy": 1,
         "sc:inLanguage": {"identifier": "en", "name": "English"},
         "duration": "PT125S"}""");
    ObjectNode normalized = normalizer.normalize(video);
    assertThat(normalized.get("views").intValue()).isEqualTo(12);
    assertThat(normalized.get("uuid").textValue()).isEqualTo("u1");
    assertThat(normalized.get("support").textValue()).isEqualTo("Thanks!");
    assertThat(normalized.get("commentsPolicy").intValue()).isEqualTo(1);
    assertThat(normalized.get("language").get("identifier").textValue()).isEqualTo("en");
    assertThat(normalized.get("duration").textValue()).isEqualTo("PT125S");
    assertThat(normalized.get("@context")).isEqualTo(CanonicalContext.json());
  }

  @Test
  void normalize_keepsUndefinedProperties_underTheirOwnNames() {
    ObjectNode document = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", {"x": "@id"}],
         "x": "https://a.example/n", "type": ["Note", "CustomThing"], "customField": {"nested": 1}}""");
    ObjectNode normalized = normalizer.normalize(document);
    assertThat(normalized.get("id").textValue()).isEqualTo("https://a.example/n");
    assertThat(normalized.get("customField").get("nested").intValue()).isEqualTo(1);
    assertThat(normalized.get("type")).isEqualTo(Json.object("{\"t\": [\"Note\", \"CustomThing\"]}").get("t"));
  }

  @Test
  void normalize_readsMastodonSchemaSpelling_asCanonicalPropertyValue() {
    ObjectNode actor = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams",
           {"schema": "http://schema.org#", "PropertyValue": "schema:PropertyValue", "value": "schema:value",
            "nick": "as:preferredUsername"}],
         "type": "Person", "id": "https://a.example/u", "nick": "alice",
         "attachment": [{"type": "PropertyValue", "name": "Site", "value": "<a href=\\"https://b.example\\">b</a>"}]}""");
    ObjectNode normalized = normalizer.normalize(actor);
    assertThat(normalized.get("preferredUsername").textValue()).isEqualTo("alice");
    assertThat(normalized.at("/attachment/type").textValue()).isEqualTo("PropertyValue");
    assertThat(normalized.at("/attachment/value").textValue()).startsWith("<a href");
  }

  @Test
  void normalize_ignoresDefaultLanguage_onBothPaths() {
    ObjectNode fast = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", {"@language": "en"}],
         "type": "Person", "id": "https://a.example/u", "preferredUsername": "alice", "name": "Alice"}""");
    assertThat(normalizer.normalize(fast)).isSameAs(fast);
    ObjectNode slow = Json.withContext(fast, """
        ["https://www.w3.org/ns/activitystreams", {"@language": "en", "handle": "as:preferredUsername"}]""");
    slow.set("handle", slow.remove("preferredUsername"));
    ObjectNode normalized = normalizer.normalize(slow);
    assertThat(normalized.get("preferredUsername").textValue()).isEqualTo("alice");
    assertThat(normalized.get("name").textValue()).isEqualTo("Alice");
  }

  @Test
  void normalize_isIdempotent_becauseItsOutputTakesTheFastPath() {
    ObjectNode aliased = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", {"by": "as:actor"}],
         "type": "Like", "by": "https://a.example/u", "object": "https://tube.example/videos/watch/u1"}""");
    ObjectNode once = normalizer.normalize(aliased);
    assertThat(once).isNotSameAs(aliased);
    assertThat(normalizer.normalize(once)).isSameAs(once);
  }

  @Test
  void normalize_refusesGraphOfSeveralObjects() {
    ObjectNode graph = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams",
         "@graph": [{"id": "https://a.example/1", "type": "Note"}, {"id": "https://a.example/2", "type": "Note"}]}""");
    assertThatThrownBy(() -> normalizer.normalize(graph))
        .isInstanceOfSatisfying(VocabException.class,
            e -> assertThat(e.problem()).isEqualTo(VocabProblem.INVALID_VALUE));
  }

  @Test
  void normalize_readsJsonLiteralTerms_asPlainJson_onBothPaths() {
    ObjectNode video = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams",
           {"ptlc": "urn:peertube-plugin-livechat:", "peertubeLiveChat": {"@id": "ptlc:peertubeLiveChat", "@type": "@json"}}],
         "type": "Video", "id": "https://tube.example/videos/watch/u1", "peertubeLiveChat": {"type": "xmpp"}}""");
    assertThat(normalizer.normalize(video)).isSameAs(video);
    ObjectNode aliased = Json.withContext(video, """
        ["https://www.w3.org/ns/activitystreams", {"called": "as:name",
           "ptlc": "urn:peertube-plugin-livechat:", "peertubeLiveChat": {"@id": "ptlc:peertubeLiveChat", "@type": "@json"}}]""");
    aliased.put("called", "Live");
    ObjectNode normalized = normalizer.normalize(aliased);
    assertThat(normalized.get("name").textValue()).isEqualTo("Live");
    assertThat(normalized.has("urn:peertube-plugin-livechat:peertubeLiveChat")).isTrue();
  }

  @Test
  void normalize_turnsReferencesUnderPlainTerms_intoIdStrings() {
    ObjectNode video = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams",
           {"sc": "http://schema.org/", "category": "sc:category", "by": "as:actor"}],
         "type": "Video", "by": "https://a.example/u", "category": {"@id": "https://tube.example/categories/15"}}""");
    assertThat(normalizer.normalize(video).get("category").textValue())
        .isEqualTo("https://tube.example/categories/15");
  }

  @Test
  void normalize_turnsTypedLiteralsWithOtherTypes_intoTheirPlainValue() {
    ObjectNode video = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Video",
         "https://joinpeertube.org/ns#views": {"@value": "12", "@type": "http://www.w3.org/2001/XMLSchema#integer"}}""");
    assertThat(normalizer.normalize(video).get("views").textValue()).isEqualTo("12");
  }

  @Test
  void normalize_joinsValuesSpelledTwoWays_underOneTerm() {
    ObjectNode note = Json.object("""
        {"@context": "https://www.w3.org/ns/activitystreams", "type": "Note",
         "to": "https://a.example/followers", "as:to": "https://b.example/u"}""");
    List<String> to = new ArrayList<>();
    normalizer.normalize(note).get("to").forEach(value -> to.add(value.textValue()));
    assertThat(to).containsExactlyInAnyOrder("https://a.example/followers", "https://b.example/u");
  }

  @Test
  void normalize_turnsListObjectsIntoArrays() {
    ObjectNode note = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams",
           {"orderedTags": {"@id": "as:tag", "@container": "@list"}}],
         "type": "Note", "orderedTags": ["https://a.example/t1", "https://a.example/t2"]}""");
    assertThat(normalizer.normalize(note).get("tag"))
        .isEqualTo(Json.object("{\"t\": [\"https://a.example/t1\", \"https://a.example/t2\"]}").get("t"));
  }

  @Test
  void normalize_givesTheSameResult_fromManyThreads() throws Exception {
    ObjectNode aliased = Json.withContext(CREATE_NOTE, """
        ["https://www.w3.org/ns/activitystreams", {"by": "as:actor", "sensitive": "as:sensitive"}]""");
    aliased.set("by", aliased.remove("actor"));
    ObjectNode expected = normalizer.normalize(aliased);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ObjectNode>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> normalizer.normalize(aliased.deepCopy())));
      }
      for (Future<ObjectNode> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void normalize_judgesAChangedContextAfresh_althoughContextsAreRemembered() {
    ObjectNode like = Json.object("""
        {"@context": ["https://www.w3.org/ns/activitystreams", {"toot": "http://joinmastodon.org/ns#"}],
         "type": "Like", "actor": "https://a.example/u", "object": "https://tube.example/videos/watch/1"}""");
    assertThat(normalizer.normalize(like)).isSameAs(like);
    ((ObjectNode) ((ArrayNode) like.get("@context")).get(1)).put("actor", "https://evil.example/ns#a");
    assertThat(normalizer.normalize(like)).isNotSameAs(like);
  }

  @Test
  void normalize_tellsApartContextsOfOneShape_beyondHowManyAreRemembered() {
    // Same keys, same string lengths and ends: only the middle of the actor IRI differs.
    String like = """
        {"@context": ["https://www.w3.org/ns/activitystreams", {"actor": "https://www.w3.org/ns/activity%sreams#actor",
         "toot": "http://joinmastodon.org/ns#"}],
         "type": "Like", "actor": "https://a.example/u", "object": "https://tube.example/videos/watch/1"}""";
    List<String> middles = List.of("xt", "st", "Xt", "sT", "yt", "zt", "qt");
    for (int round = 0; round < 2; round++) {
      for (String middle : middles) {
        ObjectNode document = Json.object(like.formatted(middle));
        boolean fast = normalizer.normalize(document) == document;
        assertThat(fast).as(middle).isEqualTo(middle.equals("st"));
      }
    }
  }

  @Test
  void normalize_judgesEachKeyAndType_althoughVerdictsUnderAContextAreRemembered() {
    String context = "[\"https://www.w3.org/ns/activitystreams\", {\"toot\": \"http://joinmastodon.org/ns#\"}]";
    ObjectNode plain = Json.object("""
        {"@context": %s, "type": "Like", "actor": "https://a.example/u", "object": "https://b.example/1"}"""
        .formatted(context));
    ObjectNode prefixedKey = Json.object("""
        {"@context": %s, "type": "Like", "as:actor": "https://a.example/u", "object": "https://b.example/1"}"""
        .formatted(context));
    ObjectNode prefixedType = Json.object("""
        {"@context": %s, "type": "as:Like", "actor": "https://a.example/u", "object": "https://b.example/1"}"""
        .formatted(context));

    assertThat(normalizer.normalize(plain)).isSameAs(plain);
    assertThat(normalizer.normalize(prefixedKey)).isNotSameAs(prefixedKey);
    assertThat(normalizer.normalize(prefixedType)).isNotSameAs(prefixedType);
    assertThat(normalizer.normalize(plain)).isSameAs(plain);
    assertThat(normalizer.normalize(prefixedKey)).isNotSameAs(prefixedKey);
  }
}

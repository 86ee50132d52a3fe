package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader with the real JSON-LD normalizer: one activity written with different contexts, prefixes, full IRIs and
 * aliases reads to the same values; a context that changes what {@code actor} means is not read as an actor.
 */
class JsonLdReadingTest {
  private static final VocabReader READER = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);

  private static final String COMPACT = """
      {"@context": "https://www.w3.org/ns/activitystreams",
       "id": "https://mastodon.example/users/bob/statuses/1/activity", "type": "Create",
       "actor": "https://mastodon.example/users/bob",
       "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": {"id": "https://mastodon.example/users/bob/statuses/1", "type": "Note",
         "attributedTo": "https://mastodon.example/users/bob",
         "inReplyTo": "https://video.example/videos/watch/2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11",
         "content": "<p>Lovely bread</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"]}}
      """;

  private static final String PREFIXED = """
      {"@context": ["https://www.w3.org/ns/activitystreams", {"said": "as:content", "who": {"@id": "as:actor", "@type": "@id"}}],
       "id": "https://mastodon.example/users/bob/statuses/1/activity", "type": "as:Create",
       "who": "https://mastodon.example/users/bob",
       "as:to": {"id": "as:Public"},
       "https://www.w3.org/ns/activitystreams#object": {"id": "https://mastodon.example/users/bob/statuses/1",
         "type": "Note", "as:attributedTo": {"id": "https://mastodon.example/users/bob"},
         "inReplyTo": "https://video.example/videos/watch/2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11",
         "said": "<p>Lovely bread</p>", "to": "https://www.w3.org/ns/activitystreams#Public"}}
      """;

  private static Create read(String json) {
    return READER.read(json.getBytes(StandardCharsets.UTF_8), Create.class);
  }

  @Test
  void prefixesFullIrisAndAliases_readToTheSameActivity() {
    Create compact = read(COMPACT);
    Create prefixed = read(PREFIXED);
    for (Create create : List.of(compact, prefixed)) {
      assertThat(create.envelope().id()).hasToString("https://mastodon.example/users/bob/statuses/1/activity");
      assertThat(create.envelope().actor().id()).hasToString("https://mastodon.example/users/bob");
    }
    Note a = (Note) compact.object().embedded().orElseThrow();
    Note b = (Note) prefixed.object().embedded().orElseThrow();
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.attributedTo()).isEqualTo(a.attributedTo());
    assertThat(b.inReplyTo()).isEqualTo(a.inReplyTo());
    assertThat(b.content()).isEqualTo(a.content());
    assertThat(prefixed.envelope().audience()).isEqualTo(compact.envelope().audience());
  }

  @Test
  void contextRedefiningActor_isNotReadAsTheActor() {
    String hostile = COMPACT.replace("\"@context\": \"https://www.w3.org/ns/activitystreams\"",
        "\"@context\": [\"https://www.w3.org/ns/activitystreams\", {\"actor\": \"https://evil.example/ns#notActor\"}]");
    assertThatThrownBy(() -> read(hostile))
        .isInstanceOfSatisfying(VocabException.class, e -> assertThat(e.problem()).isEqualTo(VocabProblem.MISSING_PROPERTY));
  }

  @Test
  void unknownRemoteContext_isRefusedNamingIt_neverFetched() {
    String unknown = COMPACT.replace("\"@context\": \"https://www.w3.org/ns/activitystreams\"",
        "\"@context\": [\"https://www.w3.org/ns/activitystreams\", \"https://evil.example/context.jsonld\"]");
    assertThatThrownBy(() -> read(unknown))
        .isInstanceOfSatisfying(VocabException.class, e -> {
          assertThat(e.problem()).isEqualTo(VocabProblem.UNKNOWN_CONTEXT);
          assertThat(e.rule()).contains("https://evil.example/context.jsonld");
        });
  }
}

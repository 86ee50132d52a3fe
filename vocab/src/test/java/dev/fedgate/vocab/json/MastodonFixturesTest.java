package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.PublicKey;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.testing.Fixtures;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Mastodon's recorded actor responses, read with their key fields. */
class MastodonFixturesTest {
  private static final String REQUESTS = "mastodon/spec/fixtures/requests/";
  private static final URI FOO = URI.create("https://ap.example.com/users/foo");

  @Test
  void readsActor_minimalAccepted() {
    Actor actor = Fixtures.reader().read(Fixtures.body(REQUESTS + "activitypub-actor.txt"), Actor.class);

    assertThat(actor.type()).isEqualTo(ActorType.PERSON);
    assertThat(actor.id()).isEqualTo(FOO);
    assertThat(actor.preferredUsername()).contains("foo");
    assertThat(actor.inbox()).contains(URI.create("https://ap.example.com/users/foo/inbox"));
    assertThat(actor.sharedInbox()).contains(URI.create("https://ap.example.com/inbox"));
    assertThat(actor.summary().plain()).contains("<p>test</p>");
    assertThat(actor.url().get(0).href()).hasToString("https://ap.example.com/@foo");
    assertThat(actor.manuallyApprovesFollowers()).contains(false);
    assertThat(actor.icon().get(0).href()).hasToString("https://quitter.no/avatar/7477-300-20160211190340.png");
    PublicKey key = actor.publicKeys().get(0);
    assertThat(key.id()).hasToString(FOO + "#main-key");
    assertThat(key.owner()).contains(FOO);
    assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void readsActor_withSecondType() {
    Actor actor = Fixtures.reader().read(Fixtures.body(REQUESTS + "activitypub-actor-individual.txt"), Actor.class);

    assertThat(actor.type()).isEqualTo(ActorType.PERSON);
    assertThat(actor.extensions().get("vcard:fn")).isPresent();
  }

  @Test
  void refusesActor_withRelativeImageUrl() {
    assertThatThrownBy(() -> Fixtures.reader().read(Fixtures.body(REQUESTS + "activitypub-actor-noinbox.txt")))
        .isInstanceOfSatisfying(VocabException.class, e -> {
          assertThat(e.pointer()).isEqualTo("/image");
          assertThat(e.rule()).isEqualTo("must be an absolute URI");
        });
  }
}

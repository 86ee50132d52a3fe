package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.Unrecognized;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document from real servers in {@code shared/fixtures} reads to the type its {@code type} names, with the
 * same id; files that are not ActivityStreams documents are skipped by name, and documents we refuse are listed
 * with the pointer of the refusal and why.
 */
class FixtureCorpusTest {
  private static final String[] SERVERS = {"peertube", "mastodon", "lemmy", "mobilizon", "akkoma",
      "bonfire-activity_pub", "bonfire_federate_activitypub", "fedify", "letterbook", "wordpress-activitypub", "mbin",
      "bookwyrm"};

  /** Not ActivityStreams documents (WebFinger, NodeInfo, JSON-LD contexts, key files, templates), with why. */
  private static final Map<String, String> SKIPPED = Map.ofEntries(
      Map.entry("akkoma/test/fixtures/mastodon/application_actor.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/mastodon/collections/featured.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/relay/accept-follow.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/statuses/masto-note.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/statuses/note.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/tesla_mock/framasoft@framatube.org.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/kaniini@gerzilla.de.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/mike@osada.macgirvin.com.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/pekorino@pawoo.net_host_meta.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/snowdusk@sdf.org_host_meta.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/webfinger_emelie.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/webfinger_spoof.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/tesla_mock/winterdienst_webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/users_mock/masto_featured.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/users_mock/user.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("akkoma/test/fixtures/webfinger/imposter-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/webfinger/masto-user.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/webfinger/masto-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/webfinger/pleroma-user.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("akkoma/test/fixtures/webfinger/pleroma-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("bonfire-activity_pub/test/fixtures/actor.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("bonfire-activity_pub/test/fixtures/mastodon/mastodon_webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("bonfire-activity_pub/test/fixtures/pleroma_webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/hong-gildong.json",
          "expanded JSON-LD (@id/@type/full IRIs): only the JSON-LD normalizer reads it"),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/test.json",
          "expanded JSON-LD (@id/@type/full IRIs): only the JSON-LD normalizer reads it"),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/wrong-type.json",
          "expanded JSON-LD (@id/@type/full IRIs): only the JSON-LD normalizer reads it"),
      Map.entry("fedify/packages/fixture/src/fixtures/gotosocial.org/ns.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/fep/7aa9.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/fep/ef61.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/identity/v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/security/data-integrity/v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/security/data-integrity/v2.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/security/multikey/v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/w3id.org/security/v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/www.w3.org/ns/activitystreams.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/fixture/src/fixtures/www.w3.org/ns/did/v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/activitystreams.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/did-v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/fep-5711.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/fep-7aa9.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/fep-ef61.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/gotosocial.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/identity-v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/join-lemmy.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/joinmastodon.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/miscellany.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/security-data-integrity-v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/security-data-integrity-v2.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/security-multikey-v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/security-v1.json",
          "JSON-LD context document"),
      Map.entry("fedify/packages/vocab-runtime/src/contexts/webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("lemmy/crates/apub/apub/assets/wordpress/activities/announce.json",
          "template with {{placeholders}}, not a document"),
      Map.entry("mastodon/spec/fixtures/requests/.host-meta.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/activitypub-webfinger.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/localdomain-hostmeta.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/localdomain-webfinger.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/redirected.host-meta.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/webfinger-hacker1.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/webfinger-hacker2.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/webfinger-hacker3.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mastodon/spec/fixtures/requests/webfinger.txt",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mobilizon/test/fixtures/nodeinfo/both_versions.json",
          "NodeInfo"),
      Map.entry("mobilizon/test/fixtures/nodeinfo/data.json",
          "NodeInfo"),
      Map.entry("mobilizon/test/fixtures/nodeinfo/older_versions.json",
          "NodeInfo"),
      Map.entry("mobilizon/test/fixtures/nodeinfo/regular.json",
          "NodeInfo"),
      Map.entry("mobilizon/test/fixtures/nodeinfo/wp-data.json",
          "NodeInfo"),
      Map.entry("mobilizon/test/fixtures/nodeinfo/wp-event-federation.json",
          "NodeInfo"),
      Map.entry("mobilizon/test/fixtures/webfinger/friendica-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mobilizon/test/fixtures/webfinger/gancio-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mobilizon/test/fixtures/webfinger/mastodon-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mobilizon/test/fixtures/webfinger/peertube-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("mobilizon/test/fixtures/webfinger/pleroma-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("peertube/packages/tests/fixtures/ap-json/mastodon/public-key.json",
          "PeerTube key file or recorded HTTP exchange without a body"),
      Map.entry("peertube/packages/tests/fixtures/ap-json/peertube/invalid-keys.json",
          "PeerTube key file or recorded HTTP exchange without a body"),
      Map.entry("peertube/packages/tests/fixtures/ap-json/peertube/keys.json",
          "PeerTube key file or recorded HTTP exchange without a body"),
      Map.entry("wordpress-activitypub/tests/fixtures/example-com-well-known-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("wordpress-activitypub/tests/fixtures/lemmy-ml-well-known-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"),
      Map.entry("wordpress-activitypub/tests/fixtures/notiz-blog-well-known-webfinger.json",
          "WebFinger JRD or host-meta XRD, read by the gateway's WebFinger client"));

  /** Documents we refuse: where, and why that refusal is right. */
  private static final Map<String, Refusal> REFUSED = Map.ofEntries(
      Map.entry("akkoma/test/fixtures/microblogpub/user_with_invalid_also_known_as.json",
          new Refusal("/alsoKnownAs/0", "a handle where a URI belongs (Akkoma's own negative case)")),
      Map.entry("mastodon/spec/fixtures/requests/activitypub-actor-noinbox.txt",
          new Refusal("/image", "a relative image URL; Mastodon refuses this actor anyway, for its null inbox")),
      Map.entry("mbin/tests/Unit/ActivityPub/Outbox/JsonSnapshots/AnnounceTest__testAnnounceUpdateMagazine__1.json",
          new Refusal("/object/object/publicKey", "the snapshot scrubbed the whole publicKey object to a string")),
      Map.entry("mbin/tests/Unit/ActivityPub/Outbox/JsonSnapshots/AnnounceTest__testAnnounceUpdateUser__1.json",
          new Refusal("/object/object/publicKey", "the snapshot scrubbed the whole publicKey object to a string")),
      Map.entry("mbin/tests/Unit/ActivityPub/Outbox/JsonSnapshots/UpdateTest__testUpdateMagazine__1.json",
          new Refusal("/object/publicKey", "the snapshot scrubbed the whole publicKey object to a string")),
      Map.entry("mbin/tests/Unit/ActivityPub/Outbox/JsonSnapshots/UpdateTest__testUpdateUser__1.json",
          new Refusal("/object/publicKey", "the snapshot scrubbed the whole publicKey object to a string")),
      Map.entry("akkoma/test/fixtures/activitypub-client-post-activity.json",
          new Refusal("/id", "client-to-server submission without an id")),
      Map.entry("akkoma/test/fixtures/collections/ordered_array.json",
          new Refusal("/orderedItems/0/id", "anonymous embedded object: references need an id")),
      Map.entry("akkoma/test/fixtures/collections/unordered_array.json",
          new Refusal("/items/0/id", "anonymous embedded object: references need an id")),
      Map.entry("akkoma/test/fixtures/collections/unordered_page_embedded.json",
          new Refusal("/first/items/0/id", "anonymous embedded object: references need an id")),
      Map.entry("akkoma/test/fixtures/collections/unordered_page_first.json",
          new Refusal("/items/0/id", "anonymous embedded object: references need an id")),
      Map.entry("akkoma/test/fixtures/collections/unordered_page_second.json",
          new Refusal("/items/0/id", "anonymous embedded object: references need an id")),
      Map.entry("akkoma/test/fixtures/kroeg-announce-with-inline-actor.json",
          new Refusal("/object/attributedTo/manuallyApprovesFollowers",
              "expanded {\"@value\": \"False\"} boolean: only the JSON-LD path reads it")),
      Map.entry("akkoma/test/fixtures/tesla_mock/admin@mastdon.example.org.json",
          new Refusal("/discoverable", "boolean sent as the string \"true\"")),
      Map.entry("akkoma/test/fixtures/tesla_mock/evil@remote.example_with_keyid_from_admin@mastdon.example.org.json",
          new Refusal("/discoverable", "boolean sent as the string \"true\"")),
      Map.entry("akkoma/test/fixtures/tesla_mock/https___osada.macgirvin.com_channel_mike.json",
          new Refusal("/discoverable", "boolean sent as the string \"true\"")),
      Map.entry("akkoma/test/fixtures/tesla_mock/poll_attachment.json",
          new Refusal("/closed", "duplicate key 'closed' (refused: two readers could disagree)")),
      Map.entry("akkoma/test/fixtures/users_mock/nonsense_attachment_user.json",
          new Refusal("/attachment/type", "attachment object without a type")),
      Map.entry("bonfire_federate_activitypub/test/fixtures/peertube-video.json",
          new Refusal("/url/25/tag/22/href", "a curl log pasted into a magnet href")),
      Map.entry("bonfire_federate_activitypub/test/fixtures/poll_attachment.json",
          new Refusal("/closed", "duplicate key 'closed' (refused: two readers could disagree)")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/announce.json",
          new Refusal("/actor", "partial document from Fedify's fetch tests")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/collection.json",
          new Refusal("/orderedItems/0/id", "anonymous embedded object: references need an id")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/create.json",
          new Refusal("/object", "partial document from Fedify's fetch tests")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/cross-origin-actor.json",
          new Refusal("/object", "partial document from Fedify's fetch tests")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/inline-paged-collection.json",
          new Refusal("/first/id", "anonymous embedded object: references need an id")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/inline-paged/a.json",
          new Refusal("/id", "anonymous embedded object: references need an id")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/paged/a.json",
          new Refusal("/orderedItems/0/id", "anonymous embedded object: references need an id")),
      Map.entry("fedify/packages/fixture/src/fixtures/example.com/paged/b.json",
          new Refusal("/orderedItems/0/id", "anonymous embedded object: references need an id")),
      Map.entry("lemmy/crates/apub/apub/assets/wordpress/objects/person.json",
          new Refusal("/icon/url", "icon url with an HTML entity '&#038;' is not a URI")));

  private record Refusal(String pointer, String why) {}

  static Stream<String> documents() {
    return Fixtures.files(SERVERS).stream().filter(f -> !SKIPPED.containsKey(f) && !REFUSED.containsKey(f));
  }

  static Stream<String> refused() {
    return REFUSED.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void readsToItsType_realDocument(String file) {
    JsonNode tree = Fixtures.tree(file);
    ApObject value = Fixtures.reader().read(Fixtures.body(file));

    assertThat(value.id()).hasToString(tree.get("id").textValue());
    assertThat(typeName(value)).isIn(types(tree));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedWithPointer_listedDocument(String file) {
    assertThatThrownBy(() -> Fixtures.reader().read(Fixtures.body(file)))
        .isInstanceOfSatisfying(VocabException.class,
            e -> assertThat(e.pointer()).as(REFUSED.get(file).why()).isEqualTo(REFUSED.get(file).pointer()));
  }

  private static List<String> types(JsonNode tree) {
    JsonNode type = tree.get("type");
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> names.add(t.textValue()));
    } else {
      names.add(type.textValue());
    }
    return names;
  }

  private static String typeName(ApObject value) {
    if (value instanceof Actor actor) {
      return actor.type().wireName();
    }
    if (value instanceof Collection collection) {
      return collection.type().wireName();
    }
    if (value instanceof Unrecognized unknown) {
      return unknown.type();
    }
    return value.getClass().getSimpleName();
  }
}

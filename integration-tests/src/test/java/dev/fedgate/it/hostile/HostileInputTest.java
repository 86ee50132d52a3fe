package dev.fedgate.it.hostile;

import static dev.fedgate.it.hostile.Forge.bytes;
import static dev.fedgate.it.hostile.Forge.signed;
import static dev.fedgate.it.hostile.Forge.unsigned;
import static dev.fedgate.it.hostile.HostileCase.NOTHING;
import static dev.fedgate.it.hostile.HostileCase.accepted;
import static dev.fedgate.it.hostile.HostileCase.duplicate;
import static dev.fedgate.it.hostile.HostileCase.ignored;
import static dev.fedgate.it.hostile.HostileCase.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.keys.KeyPair;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input table (issue 8) against a real gateway: each row is one attack on the inbox, sent raw by a
 * Mastodon-like simulated instance, and must get its status and problem {@code reason}, fetch only what it may, never
 * reach the internal sink, and store nothing (or only the sanitized or unchanged state the row names). The
 * address-guard rows, which need private addresses refused, are in {@link HostileAddressTest}. Cases are listed in
 * {@code docs/security.md}.
 */
class HostileInputTest {
  private static final String BLOCKED = "blocked.example";

  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded().configure(b -> b.domainBlocks(Set.of(BLOCKED)));

  private static SimulatedInstance mastodon;
  /** Stands for a service inside the gateway's network: nothing may ever reach it. */
  private static SimulatedInstance internal;
  private static SimulatedActor alice;
  private static SimulatedActor bob;
  private static SiteApiClient site;
  private static UUID video;
  private static URI videoId;
  private static URI channelId;
  private static URI sharedInbox;
  private static URI channelInbox;
  private static HostileRunner runner;

  @BeforeAll
  static void setUp() {
    site = fedgate.siteApi();
    assertThat(site.putAccount("chef", SiteBodies.account("chef")).status()).isEqualTo(201);
    assertThat(site.putChannel("kitchen", SiteBodies.channel("chef", "kitchen")).status()).isEqualTo(201);
    video = UUID.randomUUID();
    videoId = URI.create(site.putVideo(video, SiteBodies.video("kitchen", "Soup")).json().orElseThrow()
        .getString("id"));
    channelId = fedgate.publicUrl().resolve("/video-channels/kitchen");
    sharedInbox = fedgate.publicUrl().resolve("/inbox");
    channelInbox = URI.create(channelId + "/inbox");
    mastodon = SimulatedInstance.start(PeerProfile.mastodon());
    internal = SimulatedInstance.start(PeerProfile.mastodon());
    alice = mastodon.createActor("alice", "Person");
    bob = mastodon.createActor("bob", "Person");
    runner = new HostileRunner(fedgate, mastodon::fetched,
        List.of(() -> internal.fetched().size(), () -> internal.received().size()),
        List.of("/api/v1/videos/" + video + "/comments?status=visible,held,deleted",
            "/api/v1/channels/kitchen/followers", "/api/v1/accounts/chef/followers"));
    // Bob follows the channel and has a comment: the rows that attack someone else's state attack these.
    assertThat(runner.send(signed(bob, channelInbox, mastodon.profile().follow(bob, channelId))).status())
        .isEqualTo(202);
    assertThat(runner.send(signed(bob, sharedInbox, reply(bob, "bob's words"))).status()).isEqualTo(202);
    runner.drain();
  }

  @AfterAll
  static void tearDown() {
    mastodon.close();
    internal.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAndStoresAsTheRowSays_hostileRequest(HostileCase row) {
    runner.run(row);
  }

  static Stream<HostileCase> cases() {
    return Stream.of(bodyCases(), signatureCases(), originCases(), documentCases(), contentCases())
        .flatMap(s -> s);
  }

  private static Stream<HostileCase> bodyCases() {
    return Stream.of(
        refused("json-truncated", "a body cut in the middle", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes("{\"id\":\"" + alice.id() + "#1\",\"type\":")), 400, "malformed-activity", NOTHING),
        refused("json-array", "a JSON array instead of an object", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes("[" + like(alice).encode() + "]")), 400, "malformed-activity", NOTHING),
        refused("json-two-documents", "a second document after the first (parsers disagree on which counts)",
            () -> signedBytes(alice, sharedInbox, like(alice).encode() + like(bob).encode()), 400,
            "malformed-activity", NOTHING),
        refused("json-duplicate-key", "two ids, one for the checker and one for the reader",
            () -> signedBytes(alice, sharedInbox, like(alice).encode().replaceFirst("\\{",
                "{\"id\":\"" + internal.baseUrl() + "/x\",")), 400, "malformed-activity", NOTHING),
        refused("json-invalid-utf8", "bytes that are not UTF-8", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, "malformed-activity",
            NOTHING),
        refused("json-empty", "an empty body", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON, new byte[0]), 400,
            "malformed-activity", NOTHING),
        refused("id-missing", "an activity without id", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(without(like(alice), "id"))), 400, "malformed-activity", NOTHING),
        refused("actor-missing", "an activity without actor", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(without(like(alice), "actor"))), 400, "malformed-activity", NOTHING),
        refused("id-not-http", "a javascript: id", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(like(alice).put("id", "javascript:alert(1)"))), 400, "malformed-activity", NOTHING),
        refused("type-missing", "an activity without type", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(without(like(alice), "type"))), 400, "malformed-activity", NOTHING),
        refused("content-type-text-plain", "text/plain", () -> unsigned(sharedInbox, "text/plain",
            bytes(like(alice))), 415, "unsupported-media-type", NOTHING),
        refused("content-type-missing", "no Content-Type", () -> unsigned(sharedInbox, "", bytes(like(alice))), 415,
            "unsupported-media-type", NOTHING),
        refused("content-type-ld-json-without-profile", "application/ld+json without the ActivityStreams profile",
            () -> unsigned(sharedInbox, "application/ld+json", bytes(like(alice))), 415, "unsupported-media-type",
            NOTHING),
        refused("content-type-html", "text/html", () -> unsigned(sharedInbox, "text/html", bytes(like(alice))), 415,
            "unsupported-media-type", NOTHING),
        refused("body-over-cap", "a body one byte over the 1 MiB cap, with its length declared",
            () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON, padded(1024 * 1024 + 1)), 413, "body-too-large",
            NOTHING),
        refused("body-over-cap-chunked", "a body over the cap streamed without a length",
            () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON, padded(3 * 1024 * 1024)).streamed(), 413,
            "body-too-large", NOTHING),
        refused("nesting-arrays", "arrays nested 40 deep", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(like(alice).encode().replace("\"object\":", "\"x\":" + "[".repeat(40) + "]".repeat(40)
                + ",\"object\":"))), 400, "limit-exceeded", NOTHING),
        refused("nesting-objects", "objects nested 40 deep", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(like(alice).encode().replace("\"object\":", "\"x\":" + "{\"a\":".repeat(40) + "1"
                + "}".repeat(40) + ",\"object\":"))), 400, "limit-exceeded", NOTHING),
        refused("string-giant", "a 200,000-character string", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(like(alice).put("summary", "x".repeat(200_000)))), 400, "limit-exceeded", NOTHING),
        refused("array-giant", "a signed Like addressed to 6,000 recipients", () -> signed(alice, sharedInbox,
            like(alice).put("to", manyRecipients(6000))), 400, "limit-exceeded", keysOf(alice)),
        refused("unknown-recipient", "a personal inbox of nobody", () -> signed(alice,
            fedgate.publicUrl().resolve("/video-channels/nobody/inbox"), like(alice)), 404, "unknown-recipient",
            NOTHING));
  }

  private static Stream<HostileCase> signatureCases() {
    return Stream.of(
        refused("signature-missing", "no Signature header", () -> unsigned(sharedInbox, Forge.ACTIVITY_JSON,
            bytes(like(alice))), 401, "signature-missing", NOTHING),
        refused("signature-garbled", "a Signature header that is not a parameter list",
            () -> signed(alice, sharedInbox, like(alice)).headers(h -> h.replacing("Signature", "%%%garbage%%%")),
            401, "signature-missing", NOTHING),
        refused("signature-no-keyid", "no keyId parameter", () -> signed(alice, sharedInbox, like(alice))
            .headers(h -> h.replacing("Signature", h.first("Signature").orElseThrow()
                .replaceFirst("keyId=\"[^\"]*\",", ""))), 401, "signature-missing", NOTHING),
        refused("signature-no-value", "no signature parameter", () -> signed(alice, sharedInbox, like(alice))
            .headers(h -> h.replacing("Signature", h.first("Signature").orElseThrow()
                .replaceFirst(",?signature=\"[^\"]*\"", ""))), 401, "signature-missing", NOTHING),
        refused("signature-duplicate-keyid", "keyId twice: one checked, another used",
            () -> signed(alice, sharedInbox, like(alice)).headers(h -> h.replacing("Signature",
                "keyId=\"" + bob.keyId() + "\"," + h.first("Signature").orElseThrow())), 401, "signature-missing",
            NOTHING),
        refused("signature-duplicate-headers", "the headers parameter twice", () -> signed(alice, sharedInbox,
            like(alice)).headers(h -> h.replacing("Signature", h.first("Signature").orElseThrow()
                + ",headers=\"date\"")), 401, "signature-missing", NOTHING),
        refused("signature-not-base64", "a signature value that is not base64", () -> signed(alice, sharedInbox,
            like(alice)).headers(h -> h.replacing("Signature", h.first("Signature").orElseThrow()
                .replaceFirst("signature=\"[^\"]*\"", "signature=\"!!not base64!!\""))), 401, "signature-missing",
            NOTHING),
        refused("signature-9421-input-only", "RFC 9421 Signature-Input without its Signature",
            () -> signed(alice.signer(SignatureScheme.RFC_9421), sharedInbox, bytes(like(alice)), Duration.ZERO)
                .headers(h -> h.without("Signature")), 401, "signature-missing", NOTHING),
        // acct: key ids are looked up by WebFinger over https only; this peer speaks plain http, so the key cannot be
        // fetched now: a retryable 503, never an acceptance.
        refused("keyid-acct", "an acct: key id whose host has no https WebFinger", () -> signed(alice, sharedInbox,
            like(alice)).headers(h -> h.replacing("Signature", h.first("Signature").orElseThrow().replaceFirst(
                "keyId=\"[^\"]*\"", "keyId=\"acct:alice@" + mastodon.host() + "\""))), 503, "key-unavailable",
            NOTHING),
        refused("key-unknown", "a key id of an actor the peer does not have", () -> signed(
            HttpSigner.create(alice.keys().privateKey(), mastodon.baseUrl() + "/users/nobody#main-key",
                SignatureScheme.CAVAGE_12), sharedInbox, bytes(like(alice)), Duration.ZERO), 401, "key-unknown",
            path -> path.equals("/users/nobody")),
        refused("key-not-published", "a key id the actor does not publish", () -> signed(
            HttpSigner.create(alice.keys().privateKey(), alice.id() + "#other-key", SignatureScheme.CAVAGE_12),
            sharedInbox, bytes(like(alice)), Duration.ZERO), 401, "key-unknown", keysOf(alice)),
        refused("key-wrong", "alice's key id, signed with another key", () -> signed(
            HttpSigner.create(KeyPair.generateRsa().privateKey(), alice.keyId(), SignatureScheme.CAVAGE_12),
            sharedInbox, bytes(like(alice)), Duration.ZERO), 401, "signature-invalid", keysOf(alice)),
        refused("key-weak-rsa-1024", "a valid signature by a published RSA-1024 key", HostileInputTest::weakKey,
            401, "signature-invalid", path -> path.equals("/users/weak")),
        refused("date-expired", "signed two hours ago", () -> signed(alice.signer(SignatureScheme.CAVAGE_12),
            sharedInbox, bytes(like(alice)), Duration.ofHours(-2)), 401, "signature-invalid", keysOf(alice)),
        refused("date-future", "signed two hours ahead (beyond the 1 h skew margin)", () -> signed(alice.signer(SignatureScheme.CAVAGE_12),
            sharedInbox, bytes(like(alice)), Duration.ofHours(2)), 401, "signature-invalid", keysOf(alice)),
        refused("date-changed", "the signed Date replaced after signing", () -> signed(alice, sharedInbox,
            like(alice)).headers(h -> h.replacing("Date", "Mon, 01 Jan 2024 00:00:00 GMT")), 401,
            "signature-invalid", keysOf(alice)),
        refused("digest-mismatch", "the body changed after signing (the Digest is of the original)",
            () -> signed(alice, sharedInbox, like(alice)).body(bytes(like(alice).put("object", channelId
                .toString()))), 401, "signature-invalid", keysOf(alice)),
        refused("digest-missing", "a POST signed without a Digest", () -> signed(HttpSigner.builder(
            alice.keys().privateKey(), alice.keyId()).components(List.of("(request-target)", "host", "date"))
            .build(), sharedInbox, bytes(like(alice)), Duration.ZERO).headers(h -> h.without("Digest")), 401,
            "signature-invalid", keysOf(alice)),
        refused("digest-unsigned", "a correct Digest header the signature does not cover", () -> signed(
            HttpSigner.builder(alice.keys().privateKey(), alice.keyId())
                .components(List.of("(request-target)", "host", "date")).build(), sharedInbox, bytes(like(alice)),
            Duration.ZERO), 401, "signature-invalid", keysOf(alice)),
        refused("signature-other-path", "a signature over the channel's inbox sent to the shared inbox",
            () -> signed(alice, channelInbox, like(alice)).sentTo(sharedInbox), 401, "signature-invalid",
            keysOf(alice)),
        refused("signature-other-host", "a signature over another host's inbox replayed here",
            () -> signed(alice, URI.create("http://other.example/inbox"), like(alice)).sentTo(sharedInbox)
                .headers(h -> h.without("Host")), 401, "signature-invalid", keysOf(alice)),
        refused("signature-9421-wrong-key", "RFC 9421 signed with another key under alice's key id", () -> signed(
            HttpSigner.builder(KeyPair.generateRsa().privateKey(), alice.keyId()).scheme(SignatureScheme.RFC_9421)
                .build(), sharedInbox, bytes(like(alice)), Duration.ZERO), 401, "signature-invalid", keysOf(alice)),
        duplicate("replayed-request", "the same signed Like sent twice", HostileInputTest::replayedLike, () -> { }),
        duplicate("replayed-id-new-content", "an accepted reply's id again, with other words, freshly signed",
            HostileInputTest::replayedReply, () -> assertThat(commentText("replay-original"))
                .contains("replay-original")),
        refused("blocked-signer", "a key on a blocked domain", () -> signed(HttpSigner.create(
            alice.keys().privateKey(), "https://" + BLOCKED + "/users/x#main-key", SignatureScheme.CAVAGE_12),
            sharedInbox, bytes(like(alice)), Duration.ZERO), 403, "domain-blocked", NOTHING),
        refused("blocked-signer-subdomain", "a key on a subdomain of a blocked domain", () -> signed(
            HttpSigner.create(alice.keys().privateKey(), "https://media." + BLOCKED + "/users/x#main-key",
                SignatureScheme.CAVAGE_12), sharedInbox, bytes(like(alice)), Duration.ZERO), 403, "domain-blocked",
            NOTHING),
        refused("blocked-actor", "an actor on a blocked domain, relayed by a valid signer", () -> signed(alice,
            sharedInbox, like(alice).put("actor", "https://" + BLOCKED + "/users/x")
                .put("id", "https://" + BLOCKED + "/likes/1")), 403, "domain-blocked", keysOf(alice)));
  }

  private static Stream<HostileCase> originCases() {
    String elsewhere = internal.baseUrl() + "/users/victim";
    return Stream.of(
        refused("actor-not-signer", "alice signs bob's Like (no proof)", () -> signed(alice, sharedInbox,
            like(bob)), 401, "forward-unverified", keysOf(alice, bob)),
        refused("actor-on-other-host", "alice signs a Like by an actor on another host", () -> signed(alice,
            sharedInbox, like(alice).put("actor", elsewhere).put("id", elsewhere + "#likes/1")), 401,
            "forward-unverified", keysOf(alice)),
        refused("activity-id-other-host", "alice's Like whose id is on another host (CVE-2024-23832)",
            () -> signed(alice, sharedInbox, like(alice).put("id", internal.baseUrl() + "/likes/1")), 403,
            "origin-mismatch", keysOf(alice)),
        refused("create-object-other-host", "alice creates a Note whose id is on another host", () -> signed(alice,
            sharedInbox, withNoteId(reply(alice, "hi"), internal.baseUrl() + "/notes/1")), 403, "origin-mismatch",
            keysOf(alice)),
        refused("update-object-other-host", "alice updates a Note on another host", () -> signed(alice,
            sharedInbox, update(alice, new JsonObject().put("id", internal.baseUrl() + "/notes/1").put("type", "Note")
                .put("attributedTo", alice.id().toString()).put("content", "x"))), 403, "origin-mismatch",
            keysOf(alice)),
        refused("delete-object-other-host", "alice deletes an object on another host", () -> signed(alice,
            sharedInbox, mastodon.profile().delete(alice, URI.create(internal.baseUrl() + "/notes/1"))), 403,
            "origin-mismatch", keysOf(alice)),
        refused("update-other-actor", "alice sends an Update of bob's actor document", () -> signed(alice,
            sharedInbox, update(alice, mastodon.actorDocument(bob).put("name", "hijacked"))), 403,
            "origin-mismatch", keysOf(alice)),
        ignored("update-someone-elses-note", "alice updates bob's comment (same host)", () -> signed(alice,
            sharedInbox, update(alice, new JsonObject().put("id", bobsNote()).put("type", "Note")
                .put("attributedTo", alice.id().toString()).put("inReplyTo", videoId.toString())
                .put("content", "defaced"))), keysOf(alice, bob),
            () -> assertThat(commentText("bob's words")).doesNotContain("defaced")),
        ignored("update-note-claiming-author", "alice updates bob's comment naming bob as its author",
            () -> signed(alice, sharedInbox, update(alice, new JsonObject().put("id", bobsNote()).put("type", "Note")
                .put("attributedTo", bob.id().toString()).put("inReplyTo", videoId.toString())
                .put("content", "defaced"))), keysOf(alice, bob),
            () -> assertThat(commentText("bob's words")).doesNotContain("defaced")),
        ignored("delete-someone-elses-note", "alice deletes bob's comment", () -> signed(alice, sharedInbox,
            mastodon.profile().delete(alice, URI.create(bobsNote()))), keysOf(alice, bob),
            () -> assertThat(commentText("bob's words")).isNotEmpty()),
        ignored("delete-other-actor", "alice deletes bob the actor", () -> signed(alice, sharedInbox,
            mastodon.profile().delete(alice, bob.id())), keysOf(alice, bob), HostileInputTest::bobStillFollows),
        ignored("undo-someone-elses-follow", "alice undoes bob's Follow", () -> signed(alice, channelInbox,
            mastodon.profile().undo(alice, mastodon.profile().follow(bob, channelId).put("actor",
                bob.id().toString()))), keysOf(alice, bob), HostileInputTest::bobStillFollows),
        ignored("follow-nonexistent-local-actor", "a Follow of a channel that does not exist, to the shared inbox",
            () -> signed(alice, sharedInbox, mastodon.profile().follow(alice,
                fedgate.publicUrl().resolve("/video-channels/nobody"))), keysOf(alice), () -> { }),
        ignored("follow-remote-actor", "a Follow of an actor on another host, to the shared inbox", () -> signed(
            alice, sharedInbox, mastodon.profile().follow(alice, URI.create(elsewhere))), keysOf(alice), () -> { }),
        refused("forward-graph", "a Like whose @graph carries bob's reply (GHSA-9rfg-v8g9-9367)", () -> signed(
            alice, sharedInbox, like(alice).put("@graph", new JsonArray().add(reply(bob, "smuggled")))), 400,
            "malformed-activity", NOTHING),
        refused("forward-graph-only", "a body that is only an @graph of activities", () -> signed(alice,
            sharedInbox, new JsonObject().put("@context", PeerProfile.ACTIVITY_STREAMS)
                .put("@graph", new JsonArray().add(reply(bob, "smuggled")))), 400, "malformed-activity", NOTHING),
        refused("forward-included", "a Like with bob's reply in @included", () -> signed(alice, sharedInbox,
            like(alice).put("@included", new JsonArray().add(reply(bob, "smuggled")))), 400, "malformed-activity",
            NOTHING),
        refused("forward-reverse", "a Like with a @reverse link making bob its actor", () -> signed(alice,
            sharedInbox, like(alice).put("@reverse", new JsonObject().put("https://www.w3.org/ns/activitystreams#actor",
                new JsonObject().put("id", bob.id().toString())))), 400, "malformed-activity", NOTHING),
        refused("context-swaps-actor-object", "a context mapping actor to as:object and object to as:actor",
            () -> signed(alice, sharedInbox, like(alice).put("object", bob.id().toString()).put("@context",
                new JsonArray().add(PeerProfile.ACTIVITY_STREAMS).add(new JsonObject()
                    .put("actor", "https://www.w3.org/ns/activitystreams#object")
                    .put("object", "https://www.w3.org/ns/activitystreams#actor")))), 400, "invalid-activity",
            keysOf(alice)),
        refused("context-aliases-id", "a context making 'id' a plain property and 'uri' the node id",
            () -> signed(alice, sharedInbox, like(alice).put("uri", internal.baseUrl() + "/likes/1")
                .put("@context", new JsonArray().add(PeerProfile.ACTIVITY_STREAMS).add(new JsonObject()
                    .put("uri", "@id").put("id", "https://example.com/ns#id")))), 400, "invalid-activity",
            keysOf(alice)),
        refused("context-remote", "a context URL on an internal host (must not be fetched)", () -> signed(alice,
            sharedInbox, like(alice).put("@context", internal.baseUrl() + "/context.jsonld")), 400,
            "invalid-activity", keysOf(alice)));
  }

  private static Stream<HostileCase> documentCases() {
    return Stream.of(
        refused("key-document-html", "the key id's document is an HTML page served as activity+json",
            () -> fakeKeyDocument("/users/htmlpage", "application/activity+json",
                "<html><body><script>alert(1)</script></body></html>"), 401, "key-unknown",
            path -> path.equals("/users/htmlpage")),
        refused("key-document-text-html", "the key id's document is served as text/html",
            () -> fakeKeyDocument("/users/textpage", "text/html", mastodon.actorDocument(alice).encode()), 401,
            "key-unknown", path -> path.equals("/users/textpage")),
        refused("key-document-other-id", "the key id's document claims to be alice", () -> fakeKeyDocument(
            "/users/impostor", "application/activity+json", mastodon.actorDocument(alice).encode()), 401,
            "key-unknown", path -> path.equals("/users/impostor")),
        refused("key-redirect-other-host", "the key URL redirects to another host", HostileInputTest::redirectedKey,
            401, "key-unknown", path -> path.equals("/users/moved")),
        refused("key-redirect-metadata", "the key URL redirects to the cloud metadata address",
            HostileInputTest::metadataRedirectedKey, 401, "key-unknown", path -> path.equals("/users/meta")));
  }

  private static Stream<HostileCase> contentCases() {
    return Stream.of(
        accepted("html-script", "a reply with a script element", () -> signed(alice, sharedInbox,
            reply(alice, "tag-script<script>alert(1)</script>")), keysOf(alice),
            () -> assertThat(commentText("tag-script")).doesNotContain("<script", "alert(1)")),
        accepted("html-event-handler", "a reply with an onerror handler", () -> signed(alice, sharedInbox,
            reply(alice, "tag-handler<img src=x onerror=alert(1)>")), keysOf(alice),
            () -> assertThat(commentText("tag-handler")).doesNotContain("onerror", "<img")),
        accepted("html-javascript-link", "a reply with a javascript: link", () -> signed(alice, sharedInbox,
            reply(alice, "tag-jslink<a href=\"javascript:alert(1)\">x</a>")), keysOf(alice),
            () -> assertThat(commentText("tag-jslink")).doesNotContain("javascript:")),
        accepted("html-iframe-style", "a reply with an iframe and a style", () -> signed(alice, sharedInbox,
            reply(alice, "tag-iframe<iframe src=\"http://x\"></iframe><style>body{}</style><p style=\"x\">y</p>")),
            keysOf(alice), () -> assertThat(commentText("tag-iframe")).doesNotContain("<iframe", "<style",
                "style=")),
        accepted("html-svg-onload", "a reply with an svg onload", () -> signed(alice, sharedInbox,
            reply(alice, "tag-svg<svg onload=alert(1)><a xlink:href=\"javascript:x\">y</a></svg>")), keysOf(alice),
            () -> assertThat(commentText("tag-svg")).doesNotContain("<svg", "onload", "javascript:")));
  }

  /** Paths of the actors' documents: what a key lookup may fetch. */
  private static Predicate<String> keysOf(SimulatedActor... actors) {
    Set<String> paths = Stream.of(actors).map(a -> a.id().getPath()).collect(Collectors.toSet());
    return paths::contains;
  }

  private static JsonObject like(SimulatedActor actor) {
    return mastodon.profile().like(actor, videoId);
  }

  private static JsonObject reply(SimulatedActor actor, String text) {
    return mastodon.profile().reply(actor, videoId, channelId, text);
  }

  private static JsonObject update(SimulatedActor actor, JsonObject object) {
    return PeerProfile.activity(PeerProfile.ACTIVITY_STREAMS, URI.create(actor.id() + "#updates/" + UUID.randomUUID()),
        "Update", actor).put("object", object);
  }

  private static JsonObject withNoteId(JsonObject create, String id) {
    create.getJsonObject("object").put("id", id);
    return create;
  }

  private static JsonObject without(JsonObject json, String key) {
    json.remove(key);
    return json;
  }

  private static JsonArray manyRecipients(int count) {
    JsonArray to = new JsonArray();
    for (int i = 0; i < count; i++) {
      to.add(mastodon.baseUrl() + "/users/u" + i);
    }
    return to;
  }

  private static RawRequest signedBytes(SimulatedActor signer, URI target, String body) {
    return signed(signer.signer(SignatureScheme.CAVAGE_12), target, bytes(body), Duration.ZERO);
  }

  /** A JSON object padded with spaces to {@code size} bytes. */
  private static byte[] padded(int size) {
    byte[] body = bytes(like(alice));
    byte[] out = new byte[size];
    Arrays.fill(out, (byte) ' ');
    System.arraycopy(body, 0, out, 0, body.length);
    return out;
  }

  private static RawRequest weakKey() {
    java.security.KeyPair weak;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(1024);
      weak = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String actor = mastodon.baseUrl() + "/users/weak";
    mastodon.serveJson("/users/weak", mastodon.actorDocument(alice).put("id", actor)
        .put("publicKey", new JsonObject().put("id", actor + "#main-key").put("owner", actor)
            .put("publicKeyPem", Forge.pem(weak))));
    JsonObject activity = like(alice).put("actor", actor).put("id", actor + "#likes/weak");
    return Forge.resignedWith(signed(alice, sharedInbox, activity), weak, actor + "#main-key");
  }

  /** A Like signed with a key id whose document the peer serves as given. */
  private static RawRequest fakeKeyDocument(String path, String contentType, String body) {
    mastodon.serve(path, new SimulatedInstance.Served(200, contentType, body));
    return signed(HttpSigner.create(alice.keys().privateKey(), mastodon.baseUrl() + path + "#main-key",
        SignatureScheme.CAVAGE_12), sharedInbox, bytes(like(alice)), Duration.ZERO);
  }

  private static RawRequest redirectedKey() {
    return redirectingKey("/users/moved", internal.baseUrl() + "/users/alice");
  }

  private static RawRequest metadataRedirectedKey() {
    return redirectingKey("/users/meta", "http://169.254.169.254/latest/meta-data/");
  }

  private static RawRequest redirectingKey(String path, String location) {
    internal.serveJson("/users/alice", mastodon.actorDocument(alice));
    mastodon.redirect(path, URI.create(location));
    return signed(HttpSigner.create(alice.keys().privateKey(), mastodon.baseUrl() + path + "#main-key",
        SignatureScheme.CAVAGE_12), sharedInbox, bytes(like(alice)), Duration.ZERO);
  }

  private static RawRequest replayedLike() {
    RawRequest first = signed(alice, sharedInbox, like(alice));
    assertThat(runner.send(first).status()).isEqualTo(202);
    runner.drain();
    return first;
  }

  private static RawRequest replayedReply() {
    JsonObject original = reply(alice, "replay-original");
    assertThat(runner.send(signed(alice, sharedInbox, original)).status()).isEqualTo(202);
    runner.drain();
    original.getJsonObject("object").put("content", "replay-changed");
    return signed(alice, sharedInbox, original);
  }

  private static String bobsNote() {
    return comments().stream().filter(c -> c.getString("content").contains("bob's words"))
        .map(c -> c.getString("activityPubId")).findFirst().orElseThrow();
  }

  /** The stored content of the one comment containing {@code marker}, or empty when there is none. */
  private static String commentText(String marker) {
    return comments().stream().map(c -> c.getString("content")).filter(c -> c.contains(marker)).findFirst()
        .orElse("");
  }

  private static List<JsonObject> comments() {
    return site.get("/api/v1/videos/" + video + "/comments?status=visible,held").json().orElseThrow()
        .getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static void bobStillFollows() {
    assertThat(site.get("/api/v1/channels/kitchen/followers").text()).contains(bob.id().toString());
  }
}

package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.signatures.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxPipelineTest {
  private InboxHarness h;
  private RemotePeer bob;

  @BeforeEach
  void setUp() {
    h = new InboxHarness(DomainBlocks.of(Set.of("blocked.example")));
    bob = h.peer("remote.example", "bob");
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private String like(RemotePeer actor, String id) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Like","actor":"%s","object":"%s"}
        """.formatted(id, actor.id(), h.videoId(h.video));
  }

  private String bobLike() {
    return like(bob, "https://remote.example/likes/1");
  }

  private void assertRefused(InboxOutcome outcome, InboxRefusal refusal) {
    assertThat(outcome).isInstanceOfSatisfying(InboxOutcome.Refused.class,
        refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    assertThat(h.queued()).isZero();
  }

  @Test
  void signedActivity_isQueuedAndCounted() {
    InboxOutcome outcome = h.post(bob, bobLike());

    assertThat(outcome).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
    assertThat(h.queued()).isEqualTo(1);
    assertThat(h.inbox.counters().value(InboxCounters.REQUESTS + "{outcome=\"accepted\",reason=\"queued\"}"))
        .isEqualTo(1);
  }

  @Test
  void sameIdTwice_isQueuedOnce() {
    h.post(bob, bobLike());
    InboxOutcome second = h.post(bob, bobLike());

    assertThat(second).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.DUPLICATE));
    assertThat(h.queued()).isEqualTo(1);
  }

  @Test
  void acctKeyId_isResolvedThroughWebFingerOnItsHost_andItsActorIsTheSigner() {
    URI account = URI.create("acct:bob@remote.example");
    h.fetcher.serveWebFinger(account, bob.id());

    InboxOutcome outcome = h.receive(bob.postNamingKey(h.urls.sharedInbox(), bobLike(), h.now, account.toString()));

    assertThat(outcome).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
    assertThat(h.fetcher.fetched()).startsWith(account);
    List<Job<InboundActivity>> jobs = h.queuedJobs();
    assertThat(jobs).singleElement().satisfies(job -> assertThat(job.payload().signer()).isEqualTo(bob.id()));
  }

  @Test
  void acctKeyIdNamingAnotherActor_failsTheOriginCheck() {
    RemotePeer eve = h.peer("remote.example", "eve");
    URI account = URI.create("acct:bob@remote.example");
    h.fetcher.serveWebFinger(account, bob.id());

    InboxOutcome outcome = h.receive(bob.postNamingKey(h.urls.sharedInbox(),
        like(eve, "https://remote.example/likes/9"), h.now, account.toString()));

    assertThat(outcome).isInstanceOf(InboxOutcome.Refused.class);
    assertThat(h.queued()).isZero();
  }

  @Test
  void acctKeyIdOnABlockedDomain_isRefusedBeforeAnyLookup() {
    InboxOutcome outcome = h.receive(bob.postNamingKey(h.urls.sharedInbox(), bobLike(), h.now,
        "acct:bob@blocked.example"));

    assertRefused(outcome, InboxRefusal.DOMAIN_BLOCKED);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void storedActivity_keepsRecipientSignerAndBody() {
    h.receive(bob.post(URI.create("https://video.example/video-channels/cooking/inbox"), bobLike(), h.now,
        Optional.of("cooking")));

    List<Job<InboundActivity>> jobs = h.queuedJobs();
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.payload().recipient()).contains("cooking");
      assertThat(job.payload().signer()).isEqualTo(bob.id());
      assertThat(InboxHarness.json(job.payload().json())).isEqualTo(InboxHarness.json(bobLike()));
    });
  }

  @Test
  void bodyOverCap_isRefused413BeforeAnyFetch() {
    byte[] big = new byte[(1 << 20) + 1];
    InboxOutcome outcome = h.receive(bob.post(h.urls.sharedInbox(), big, h.now, Optional.empty(),
        "application/activity+json"));

    assertRefused(outcome, InboxRefusal.BODY_TOO_LARGE);
    assertThat(InboxRefusal.BODY_TOO_LARGE.status()).isEqualTo(413);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void wrongMediaType_isRefused415BeforeAnyFetch() {
    InboxOutcome outcome = h.receive(bob.post(h.urls.sharedInbox(), bobLike().getBytes(StandardCharsets.UTF_8), h.now,
        Optional.empty(), "text/plain"));

    assertRefused(outcome, InboxRefusal.UNSUPPORTED_MEDIA_TYPE);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void ldJsonWithoutTheActivityStreamsProfile_isRefused415() {
    InboxOutcome outcome = h.receive(bob.post(h.urls.sharedInbox(), bobLike().getBytes(StandardCharsets.UTF_8), h.now,
        Optional.empty(), "application/ld+json"));

    assertRefused(outcome, InboxRefusal.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void ldJsonWithTheActivityStreamsProfile_isAccepted() {
    InboxOutcome outcome = h.receive(bob.post(h.urls.sharedInbox(), bobLike().getBytes(StandardCharsets.UTF_8), h.now,
        Optional.empty(), "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));

    assertThat(outcome).isInstanceOf(InboxOutcome.Accepted.class);
  }

  @Test
  void notJson_isRefused400BeforeAnyFetch() {
    assertRefused(h.post(bob, "not json"), InboxRefusal.MALFORMED_ACTIVITY);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void nestingBeyondTheLimit_isRefusedBeforeAnyFetch() {
    String deep = "[".repeat(40) + "]".repeat(40);
    String json = bobLike().replace("\"type\":\"Like\"", "\"type\":\"Like\",\"x\":" + deep);

    assertRefused(h.post(bob, json), InboxRefusal.LIMIT_EXCEEDED);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void secondDocumentAfterTheFirst_isRefused400BeforeAnyFetch() {
    assertRefused(h.post(bob, bobLike() + like(bob, "https://remote.example/likes/2")),
        InboxRefusal.MALFORMED_ACTIVITY);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void duplicateKey_evenDeepInside_isRefused400BeforeAnyFetch() {
    assertRefused(h.post(bob, bobLike().replaceFirst("\\{", "{\"id\":\"https://remote.example/other\",")),
        InboxRefusal.MALFORMED_ACTIVITY);
    assertRefused(h.post(bob, bobLike().replace("\"type\":\"Like\"", "\"type\":\"Like\",\"x\":[{\"a\":1,\"a\":2}]")),
        InboxRefusal.MALFORMED_ACTIVITY);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void restructuringKeywords_areRefused400WithTheirPointerBeforeAnyFetch() {
    for (String keyword : List.of("@graph", "@included", "@reverse")) {
      String json = bobLike().replace("\"type\":\"Like\"", "\"type\":\"Like\",\"x\":[{\"" + keyword + "\":{}}]");

      InboxOutcome outcome = h.post(bob, json);

      assertRefused(outcome, InboxRefusal.MALFORMED_ACTIVITY);
      assertThat(((InboxOutcome.Refused) outcome).pointer()).contains("/x/0/" + keyword);
    }
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void restructuringKeyword_deepUnderEscapedNames_isNamedByItsJsonPointer_andTheFirstOneWins() {
    String json = bobLike().replace("\"type\":\"Like\"",
        "\"type\":\"Like\",\"@context2\":{},\"a/b\":{\"c~d\":[1,{\"e\":\"@graph\"},{\"@reverse\":{}}]},\"@graph\":[]");

    InboxOutcome outcome = h.post(bob, json);

    assertRefused(outcome, InboxRefusal.MALFORMED_ACTIVITY);
    assertThat(((InboxOutcome.Refused) outcome).pointer()).contains("/a~1b/c~0d/2/@reverse");
  }

  @Test
  void contextRemappingTheActor_isRefused400() {
    String json = bobLike().replace("\"@context\":\"https://www.w3.org/ns/activitystreams\"",
        "\"@context\":[\"https://www.w3.org/ns/activitystreams\",{\"actor\":\"as:object\",\"object\":\"as:actor\"}]")
        .replace("\"object\":\"" + h.videoId(h.video) + "\"", "\"object\":\"https://remote.example/users/carol\"");

    InboxOutcome outcome = h.post(bob, json);

    assertRefused(outcome, InboxRefusal.INVALID_ACTIVITY);
    assertThat(((InboxOutcome.Refused) outcome).pointer()).contains("/actor");
  }

  @Test
  void missingActor_isRefused400WithItsPointer() {
    InboxOutcome outcome = h.post(bob, """
        {"id":"https://remote.example/x","type":"Like","object":"https://video.example/videos/watch/x"}""");

    assertRefused(outcome, InboxRefusal.MALFORMED_ACTIVITY);
    assertThat(((InboxOutcome.Refused) outcome).pointer()).contains("/actor");
  }

  @Test
  void unsigned_isRefused401BeforeAnyFetch() {
    byte[] body = bobLike().getBytes(StandardCharsets.UTF_8);
    InboxOutcome outcome = h.receive(new InboxRequest(h.urls.sharedInbox(),
        HttpHeaders.of("Content-Type", "application/activity+json"), body, Optional.empty()));

    assertRefused(outcome, InboxRefusal.SIGNATURE_MISSING);
    assertThat(InboxRefusal.SIGNATURE_MISSING.status()).isEqualTo(401);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void bodyChangedAfterSigning_isRefused401() {
    InboxRequest signed = bob.post(h.urls.sharedInbox(), bobLike(), h.now, Optional.empty());
    byte[] other = like(bob, "https://remote.example/likes/2").getBytes(StandardCharsets.UTF_8);

    assertRefused(h.receive(new InboxRequest(signed.target(), signed.headers(), other, Optional.empty())),
        InboxRefusal.SIGNATURE_INVALID);
  }

  @Test
  void signatureOutsideTheClockWindow_isRefused401() {
    InboxRequest old = bob.post(h.urls.sharedInbox(), bobLike(), h.now.minus(Duration.ofHours(2)), Optional.empty());

    assertRefused(h.receive(old), InboxRefusal.SIGNATURE_INVALID);
  }

  @Test
  void blockedSignerDomain_isRefused403BeforeTheKeyIsFetched() {
    RemotePeer eve = h.peer("sub.blocked.example", "eve");

    assertRefused(h.post(eve, like(eve, "https://sub.blocked.example/likes/1")), InboxRefusal.DOMAIN_BLOCKED);
    assertThat(h.fetcher.fetched()).isEmpty();
  }

  @Test
  void keyFetchFailingOnTheNetwork_answers503() {
    h.fetcher.fail(bob.id(), FetchFailure.TIMEOUT);

    assertRefused(h.post(bob, bobLike()), InboxRefusal.KEY_UNAVAILABLE);
    assertThat(InboxRefusal.KEY_UNAVAILABLE.status()).isEqualTo(503);
  }

  @Test
  void keyOfAGoneUnknownActor_isAcceptedAndDropped() {
    h.fetcher.fail(bob.id(), FetchFailure.GONE);

    assertThat(h.post(bob, bobLike())).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.DROPPED_GONE_ACTOR));
    assertThat(h.queued()).isZero();
  }

  @Test
  void keyNobodyPublishes_isRefused401() {
    h.fetcher.fail(bob.id(), FetchFailure.NOT_FOUND);

    assertRefused(h.post(bob, bobLike()), InboxRefusal.KEY_UNKNOWN);
  }

  @Test
  void rotatedKey_isRefetchedOnceAndAccepted() {
    h.post(bob, bobLike());
    bob.rotateKey();
    h.fetcher.serve(bob.id(), bob.actorJson());

    InboxOutcome outcome = h.post(bob, like(bob, "https://remote.example/likes/2"));

    assertThat(outcome).isInstanceOf(InboxOutcome.Accepted.class);
    assertThat(h.fetcher.fetched()).containsExactly(bob.id(), bob.id());
  }

  @Test
  void keyThatDoesNotVerifyAfterARefetch_isRefused401() {
    h.post(bob, bobLike());
    bob.rotateKey();

    assertThat(h.post(bob, like(bob, "https://remote.example/likes/2")))
        .isInstanceOfSatisfying(InboxOutcome.Refused.class,
            refused -> assertThat(refused.refusal()).isEqualTo(InboxRefusal.SIGNATURE_INVALID));
    assertThat(h.fetcher.fetched()).hasSize(2);
  }

  @Test
  void activityBreakingAVocabularyRule_isRefused400NamingThePointer() {
    String json = """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/likes/9","type":"Like",
         "actor":"%s"}""".formatted(bob.id());

    InboxOutcome outcome = h.post(bob, json);

    assertRefused(outcome, InboxRefusal.INVALID_ACTIVITY);
    assertThat(((InboxOutcome.Refused) outcome).pointer()).contains("/object");
  }

  @Test
  void activityIdOnAnotherHost_isRefused403() {
    assertRefused(h.post(bob, like(bob, "https://elsewhere.example/likes/1")), InboxRefusal.ORIGIN_MISMATCH);
  }

  @Test
  void createOfAnObjectOnAnotherHost_isRefused403() {
    String json = """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/c/1","type":"Create",
         "actor":"%s","object":{"id":"https://elsewhere.example/notes/1","type":"Note","attributedTo":"%s",
         "content":"hi"}}""".formatted(bob.id(), bob.id());

    assertRefused(h.post(bob, json), InboxRefusal.ORIGIN_MISMATCH);
  }

  @Test
  void updateOfAnotherActor_isRefused403() {
    String json = """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/u/1","type":"Update",
         "actor":"%s","object":{"id":"https://remote.example/users/carol","type":"Person",
         "inbox":"https://remote.example/users/carol/inbox"}}""".formatted(bob.id());

    assertRefused(h.post(bob, json), InboxRefusal.ORIGIN_MISMATCH);
  }

  @Test
  void actorOnABlockedDomainSignedByAnother_isRefused403() {
    RemotePeer relay = h.peer("relay.example", "relay");
    String json = """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://blocked.example/likes/1","type":"Like",
         "actor":"https://blocked.example/users/eve","object":"%s"}""".formatted(h.videoId(h.video));

    assertRefused(h.post(relay, json), InboxRefusal.DOMAIN_BLOCKED);
  }

  @Test
  void forwardedActivityWithoutProof_isRefused401() {
    RemotePeer relay = h.peer("relay.example", "relay");

    assertRefused(h.post(relay, bobLike()), InboxRefusal.FORWARD_UNVERIFIED);
  }

  @Test
  void forwardedActivityWithTheActorsProof_isAccepted() {
    RemotePeer relay = h.peer("relay.example", "relay");

    InboxOutcome outcome = h.post(relay, bob.withProof(bobLike(), h.now));

    assertThat(outcome).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
  }

  @Test
  void forwardedActivityWithAProofByTheRelay_isRefused401() {
    RemotePeer relay = h.peer("relay.example", "relay");

    assertRefused(h.post(relay, relay.withProof(bobLike(), h.now)), InboxRefusal.FORWARD_UNVERIFIED);
  }

  @Test
  void forwardedCreateOfANote_isAcceptedWithTheOriginsCopy() {
    RemotePeer relay = h.peer("relay.example", "relay");
    URI noteId = URI.create("https://remote.example/notes/1");
    h.fetcher.serve(noteId, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Note","attributedTo":"%s",
         "content":"original","inReplyTo":"%s","to":["https://www.w3.org/ns/activitystreams#Public"]}"""
        .formatted(noteId, bob.id(), h.videoId(h.video)));
    String forged = """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/notes/1/activity",
         "type":"Create","actor":"%s","object":{"id":"%s","type":"Note","attributedTo":"%s","content":"forged"}}"""
        .formatted(bob.id(), noteId, bob.id());

    assertThat(h.post(relay, forged)).isInstanceOf(InboxOutcome.Accepted.class);

    Job<InboundActivity> job = h.queuedJobs().get(0);
    assertThat(job.payload().json()).contains("original").doesNotContain("forged");
  }

  @Test
  void acctKeyIdWebFingerDoesNotKnow_isRefused401() {
    InboxOutcome outcome = h.receive(bob.postNamingKey(h.urls.sharedInbox(), bobLike(), h.now,
        "acct:bob@remote.example"));

    assertRefused(outcome, InboxRefusal.KEY_UNKNOWN);
  }
}

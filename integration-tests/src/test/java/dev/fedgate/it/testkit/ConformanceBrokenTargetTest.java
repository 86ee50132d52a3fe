package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.testkit.conformance.CheckResult;
import dev.fedgate.testkit.conformance.ConformanceChecker;
import dev.fedgate.testkit.conformance.ConformanceReport;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.PeerTubeProfile;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.peers.SimulatedInstance.Served;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checker against a simulated PeerTube instance: as simulated it passes every check (so the simulated shapes are
 * PeerTube's); each deliberate breakage fails exactly the check that looks at it.
 */
class ConformanceBrokenTargetTest {
  private SimulatedInstance target;
  private SimulatedInstance checkerHome;
  private SimulatedActor channel;
  private URI video;

  @BeforeEach
  void start() {
    target = SimulatedInstance.start(PeerProfile.peerTube());
    checkerHome = SimulatedInstance.start(PeerProfile.mastodon());
    channel = target.createActor("cooking", "Group");
    PeerTubeProfile peerTube = PeerProfile.peerTube();
    JsonObject document = peerTube.video(channel, UUID.randomUUID(), "Bread at home", Duration.ofMinutes(12));
    video = URI.create(document.getString("id"));
    target.serveJson(video.getPath(), document);
    target.publish(channel, new JsonObject().put("id", video + "/activity").put("type", "Create")
        .put("actor", channel.id().toString()).put("object", video.toString()));
  }

  @AfterEach
  void stop() {
    target.close();
    checkerHome.close();
  }

  private ConformanceReport check() {
    return ConformanceChecker.create(Optional.of(checkerHome.instanceActor()), true)
        .check("@cooking@" + target.host());
  }

  private List<String> failedChecks(ConformanceReport report) {
    return report.failures().stream().map(CheckResult::check).toList();
  }

  private void breakActor(Consumer<JsonObject> change) {
    JsonObject actor = target.actorDocument(channel);
    change.accept(actor);
    target.serveJson(channel.id().getPath(), actor);
  }

  @Test
  void simulatedPeerTube_passesEveryCheck() {
    ConformanceReport report = check();

    assertThat(report.failures()).as(report.text()).isEmpty();
    assertThat(report.result("video:" + video)).map(CheckResult::outcome).contains(CheckResult.Outcome.PASS);
    assertThat(report.result("signed-fetch")).map(CheckResult::outcome).contains(CheckResult.Outcome.PASS);
  }

  @Test
  void actorDocumentFails_whenServedAsPlainJson() {
    target.serve(channel.id().getPath(), new Served(200, "application/json", target.actorDocument(channel).encode()));

    assertThat(failedChecks(check())).containsExactly("actor-document");
  }

  @Test
  void actorDocumentFails_whenIdDiffersFromTheUrl() {
    breakActor(actor -> actor.put("id", channel.id() + "-elsewhere"));

    ConformanceReport report = check();

    assertThat(failedChecks(report)).containsExactly("actor-document");
    assertThat(report.result("actor-document").orElseThrow().why()).contains("must equal the fetched URI");
  }

  @Test
  void actorShapeFails_withoutInbox() {
    breakActor(actor -> actor.remove("inbox"));

    assertThat(failedChecks(check())).containsExactly("actor-shape");
  }

  @Test
  void actorShapeFails_forGroupWithoutOwner() {
    breakActor(actor -> actor.remove("attributedTo"));

    ConformanceReport report = check();

    assertThat(failedChecks(report)).containsExactly("actor-shape");
    assertThat(report.result("actor-shape").orElseThrow().why()).contains("PeerTube refuses it");
  }

  @Test
  void publicKeyFails_forPkcs1Pem() {
    breakActor(actor -> actor.getJsonObject("publicKey").put("publicKeyPem", channel.keys().publicKey().toPkcs1Pem()));

    ConformanceReport report = check();

    assertThat(failedChecks(report)).contains("public-key");
    assertThat(report.result("public-key").orElseThrow().why()).contains("SPKI");
  }

  @Test
  void publicKeyFails_whenOwnedBySomeoneElse() {
    breakActor(actor -> actor.getJsonObject("publicKey").put("owner", target.instanceActor().id().toString()));

    assertThat(check().result("public-key").orElseThrow().why()).contains("is not the actor id");
  }

  @Test
  void webfingerFails_whenSelfLinkTypeIsNotExact() {
    target.serve("/.well-known/webfinger?resource=acct%3Acooking%40" + target.host().replace(":", "%3A"),
        new Served(200, "application/jrd+json", new JsonObject().put("subject", "acct:cooking@" + target.host())
            .put("links", List.of(new JsonObject().put("rel", "self").put("type", "application/json")
                .put("href", channel.id().toString()))).encode()));

    assertThat(failedChecks(check())).containsExactly("webfinger");
  }

  @Test
  void collectionFails_withoutFirstPage() {
    target.serveJson(channel.followers().getPath(), new JsonObject().put("id", channel.followers().toString())
        .put("type", "OrderedCollection").put("totalItems", 0));

    assertThat(failedChecks(check())).containsExactly("collection:followers");
  }

  @Test
  void collectionPasses_whenPrevLeadsBack_andFails_whenItDoesNot() {
    String followers = channel.followers().toString();
    target.serveJson(channel.followers().getPath(), new JsonObject().put("id", followers)
        .put("type", "OrderedCollection").put("totalItems", 3).put("first", followers + "-1"));
    target.serveJson(channel.followers().getPath() + "-1", page(followers + "-1", List.of("a", "b"))
        .put("next", followers + "-2"));
    target.serveJson(channel.followers().getPath() + "-2", page(followers + "-2", List.of("c"))
        .put("prev", followers + "-back"));
    target.serveJson(channel.followers().getPath() + "-back", page(followers + "-back", List.of("b")));
    assertThat(failedChecks(check())).isEmpty();

    target.serveJson(channel.followers().getPath() + "-back", page(followers + "-back", List.of("c")));
    assertThat(failedChecks(check())).containsExactly("collection:followers");
  }

  private static JsonObject page(String id, List<String> items) {
    return new JsonObject().put("id", id).put("type", "OrderedCollectionPage").put("orderedItems", new JsonArray(items));
  }

  @Test
  void videoFails_withoutIcon() {
    JsonObject broken = PeerProfile.peerTube().video(channel, UUID.fromString(video.getPath().replaceAll(".*/", "")),
        "Bread at home", Duration.ofMinutes(12));
    broken.remove("icon");
    target.serveJson(video.getPath(), broken);

    ConformanceReport report = check();

    assertThat(failedChecks(report)).containsExactly("video:" + video);
    assertThat(report.result("video:" + video).orElseThrow().why()).contains("/icon");
  }

  @Test
  void everyCheckPasses_againstAnAuthorizedFetchTarget() {
    target.requireSignedFetch(true);

    ConformanceReport report = check();

    assertThat(report.failures()).as(report.text()).isEmpty();
  }

  @Test
  void actorDocumentFails_forAnUnsignedCheckerAgainstAnAuthorizedFetchTarget() {
    target.requireSignedFetch(true);

    ConformanceReport report = ConformanceChecker.create(Optional.empty(), true).check(channel.id().toString());

    assertThat(failedChecks(report)).containsExactly("actor-document");
    assertThat(report.result("actor-document").orElseThrow().why()).contains("answered 401");
  }

  @Test
  void signedFetchFails_whenTheTargetCannotFetchTheCheckersKey() {
    SimulatedActor orphan;
    try (SimulatedInstance gone = SimulatedInstance.start(PeerProfile.mastodon())) {
      orphan = gone.instanceActor();
    }

    ConformanceReport report = ConformanceChecker.create(Optional.of(orphan), true).check(channel.id().toString());

    assertThat(failedChecks(report)).containsExactly("signed-fetch");
    assertThat(report.result("signed-fetch").orElseThrow().why()).contains("answered 401");
  }
}

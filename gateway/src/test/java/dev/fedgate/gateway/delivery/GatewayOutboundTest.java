package dev.fedgate.gateway.delivery;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchedDocument;
import dev.fedgate.gateway.fetch.LoopbackPeer;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.signatures.Verified;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway as started by {@code Main} delivers queued jobs and fetches documents, signed as its actors. */
class GatewayOutboundTest {
  @TempDir Path dataDirectory;
  private final Vertx vertx = Vertx.vertx();
  private TestGateway test;
  private LoopbackPeer peer;

  @AfterEach
  void stop() {
    if (peer != null) {
      peer.close();
    }
    if (test != null) {
      test.close();
    }
    await(vertx.close().toCompletionStage());
  }

  private void startGateway() {
    test = TestGateway.start(GatewayConfig.builder().port(0).dataDirectory(dataDirectory)
        .shutdownGrace(Duration.ofSeconds(2)).allowPrivateAddresses(true).build());
  }

  @Test
  void queuedDelivery_isSentSignedByItsActor_whenNudged() {
    startGateway();
    var gateway = test.gateway();
    await(gateway.storage().localActors().upsertAccount(new Account("alice", "Alice", "",
        URI.create("https://site.example/a"), Optional.empty(), Optional.empty())));
    await(gateway.keys().ensureKeys("alice"));
    peer = LoopbackPeer.start(vertx, await(gateway.keys().publicKeys("alice")).rsa(), InstantSource.system());
    peer.answer("/inbox", 202);

    await(gateway.storage().deliveryJobs().enqueueAll(List.of(new Delivery(peer.url("/inbox"), "alice",
        URI.create(gateway.publicUrl() + "/a/1"), Optional.empty(), "{\"type\":\"Create\"}"))));
    gateway.deliveries().nudge();

    assertThat(peer.next().verification()).isInstanceOfSatisfying(Verified.class,
        v -> assertThat(v.keyId()).isEqualTo(gateway.publicUrl() + "/accounts/alice#main-key"));
  }

  @Test
  void fetcher_signsAsTheInstanceActor() {
    startGateway();
    var gateway = test.gateway();
    peer = LoopbackPeer.start(vertx, await(gateway.keys().publicKeys(LocalUrls.INSTANCE_ACTOR_NAME)).rsa(),
        InstantSource.system());
    URI note = peer.url("/notes/1");
    peer.on("/notes/1", (r, response) -> response.putHeader("Content-Type", "application/activity+json")
        .end("{\"id\":\"" + note + "\",\"type\":\"Note\"}"));

    FetchedDocument document = await(gateway.fetcher().fetch(note, FetchBudget.perRequest()).toCompletionStage());

    assertThat(document.url()).isEqualTo(note);
    assertThat(peer.next().verification()).isInstanceOf(Verified.class);
  }
}

package dev.fedgate.gateway.outbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.fetch.LoopbackPeer;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.signatures.Verified;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway that stopped between a video's write and the queuing of its federation delivers it after a restart. */
class OutboxRestartTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDirectory;
  private final Vertx vertx = Vertx.vertx();
  private LoopbackPeer peer;

  @AfterEach
  void stop() {
    if (peer != null) {
      peer.close();
    }
    await(vertx.close().toCompletionStage());
  }

  private TestGateway start() {
    return TestGateway.start(GatewayConfig.builder().port(0).dataDirectory(dataDirectory)
        .shutdownGrace(Duration.ofSeconds(2)).allowPrivateAddresses(true).build());
  }

  @Test
  void restart_afterTheWriteButBeforeItsEnqueue_deliversTheCreateOnce() throws IOException {
    UUID uuid = UUID.randomUUID();
    try (TestGateway crashed = start()) {
      SiteFixtures.createActors(crashed.gateway(), "alice", "science");
      peer = LoopbackPeer.start(vertx, await(crashed.gateway().keys().publicKeys("science")).rsa(),
          InstantSource.system());
      peer.answer("/users/bob/inbox", 202);
      await(crashed.gateway().storage().follows().upsert(
          SiteFixtures.follow("science", peer.url("/users/bob"), Optional.empty())));
      // What a PUT had done when its process died: the write (and its mark) committed, nothing queued yet.
      assertThat(await(crashed.gateway().storage().videos().upsert(
          SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED)))).isEqualTo(UpsertResult.CREATED);
    }
    assertThat(peer.pending()).isZero();

    try (TestGateway restarted = start()) {
      LoopbackPeer.Received create = peer.next();

      JsonNode activity = JSON.readTree(create.request().body());
      assertThat(activity.get("type").asText()).isEqualTo("Create");
      assertThat(activity.get("object").get("id").asText()).endsWith("/videos/watch/" + uuid);
      assertThat(create.verification()).isInstanceOf(Verified.class);
    }
    assertThat(peer.pending()).as("stopping drained the worker; nothing was sent twice").isZero();
  }
}

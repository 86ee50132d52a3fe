package dev.fedgate.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.testkit.peers.DeliverySink;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.process.GatewayProcess;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway process killed with SIGKILL (embedded storage) and restarted on its data: a fan-out resumes and
 * completes with few repeats, and every inbound activity that was answered 202 is processed.
 */
class GatewayKillIT {
  private static final int FOLLOWERS = 10_000;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int POSTERS = 4;

  private GatewayProcess gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static GatewayProcess.Builder builder() {
    return GatewayProcess.builder()
        .flag("--public-url", FanOut.PUBLIC_URL.toString())
        .flag("--allow-private-addresses", "true")
        .flag("--delivery-timeout", "2")
        .flag("--delivery-lease", "3")
        .flag("--inbox-lease", "5");
  }

  /** Stops the gateway, runs {@code seed} on its store (the embedded store is one process's), and restarts it. */
  private static GatewayProcess withStoppedGateway(GatewayProcess running, Consumer<StorageBackend> seed) {
    assertThat(running.stop()).isZero();
    FanOut.withStore("embedded", StorageSettings.builder().dataDirectory(running.dataDirectory()).build(), seed);
    return running.restart();
  }

  @Test
  void killedDuringAFanOut_afterRestartEveryDeliveryIsDone_withAtMostOnePercentRepeated() {
    // The 10,000 deliveries are queued through the store while the gateway is stopped; it starts sending on restart.
    gateway = builder().start();
    FanOut.createChannel(gateway.baseUrl(), gateway.apiToken());
    try (DeliverySink sink = FanOut.sink(FanOut.channelKey(gateway.baseUrl()))) {
      gateway = withStoppedGateway(gateway, storage -> FanOut.queueDeliveries(storage, sink, FOLLOWERS));

      assertThat(sink.awaitTotal(FOLLOWERS / 5, WAIT)).isTrue();
      gateway.kill();
      int beforeKill = sink.verifiedTotal();
      gateway = gateway.restart();

      assertThat(sink.awaitPaths(FOLLOWERS, WAIT)).as("every inbox got the Create").isTrue();
      FanOut.awaitDrained(gateway.baseUrl(), WAIT);
      int repeats = sink.repeats();
      System.out.printf("killed after %d of %d deliveries; %d repeated after the restart (%.2f %%)%n", beforeKill,
          FOLLOWERS, repeats, 100.0 * repeats / FOLLOWERS);
      assertThat(sink.verifiedByPath()).hasSize(FOLLOWERS);
      assertThat(repeats).isLessThanOrEqualTo(FOLLOWERS / 100);
      assertThat(sink.rejected()).isZero();
    }
  }

  @Test
  void killedDuringInboundLoad_everyActivityAnswered202IsProcessedAfterRestart() throws Exception {
    gateway = builder().start();
    FanOut.createChannel(gateway.baseUrl(), gateway.apiToken());
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      Inbound inbound = new Inbound(mastodon);
      inbound.toNewVideo(gateway.baseUrl(), gateway.apiToken());
      gateway = withStoppedGateway(gateway, inbound::seedAuthor);
      AtomicReference<GatewayProcess> target = new AtomicReference<>(gateway);
      AtomicBoolean posting = new AtomicBoolean(true);
      ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
      for (int i = 0; i < POSTERS; i++) {
        posters.execute(() -> {
          while (posting.get()) {
            inbound.post(() -> target.get().baseUrl());
          }
        });
      }
      assertThat(inbound.awaitAccepted(200, WAIT)).isTrue();
      gateway.kill();
      posting.set(false);
      posters.shutdown();
      assertThat(posters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      gateway = gateway.restart();
      System.out.printf("killed during inbound load after %d replies were answered 202%n", inbound.acceptedCount());
      inbound.awaitAllProcessed(gateway.baseUrl(), gateway.apiToken(), WAIT);
    }
  }
}

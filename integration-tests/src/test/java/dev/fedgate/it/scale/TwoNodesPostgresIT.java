package dev.fedgate.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.delivery.DeliverySettings;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.testkit.peers.DeliverySink;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.process.GatewayProcess;
import dev.fedgate.testkit.storage.StoreContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes on one PostgreSQL database, as behind a load balancer: a fan-out is delivered exactly once
 * per inbox across both, a node killed mid-fan-out leaves the rest to the other (repeating at most what it had in
 * flight), and an activity posted to one node is visible through the other.
 */
class TwoNodesPostgresIT {
  private static final int FOLLOWERS = 2_000;
  private static final Duration WAIT = Duration.ofSeconds(90);

  private PostgresUrl database;
  private GatewayProcess first;
  private GatewayProcess second;
  private StorageBackend storage;

  @BeforeEach
  void startNodes() {
    database = TestPostgres.freshDatabase("two_nodes");
    first = node();
    second = node();
    storage = StoreContract.await(StorageProviders.find("postgres")
        .open(StorageSettings.builder().url(database.toConnectionUri()).build()));
    FanOut.createChannel(first.baseUrl(), first.apiToken());
  }

  @AfterEach
  void stopNodes() {
    if (storage != null) {
      StoreContract.await(storage.close());
    }
    for (GatewayProcess node : new GatewayProcess[] {first, second}) {
      if (node != null) {
        node.close();
      }
    }
  }

  /** A node with a short lease, so a dead node's claims come due again within seconds. */
  private GatewayProcess node() {
    return GatewayProcess.builder()
        .flag("--storage", "postgres")
        .flag("--pg-url", database.toConnectionUri())
        .flag("--pg-pool-size", "4")
        .flag("--public-url", FanOut.PUBLIC_URL.toString())
        .flag("--allow-private-addresses", "true")
        .flag("--delivery-timeout", "2")
        .flag("--delivery-lease", "3")
        .start();
  }

  @Test
  void publish_isDeliveredExactlyOncePerInbox_acrossBothNodes() {
    try (DeliverySink sink = FanOut.sink(FanOut.channelKey(first.baseUrl()))) {
      FanOut.seedFollowers(storage, sink, FOLLOWERS);

      FanOut.publish(first.baseUrl(), first.apiToken());

      assertThat(sink.awaitPaths(FOLLOWERS, WAIT)).as("every inbox got the Create").isTrue();
      FanOut.awaitDrained(second.baseUrl(), WAIT);
      assertThat(sink.verifiedByPath()).hasSize(FOLLOWERS).allSatisfy((path, count) -> assertThat(count).isOne());
      assertThat(sink.rejected()).isZero();
      long byFirst = FanOut.completedDeliveries(first.baseUrl());
      long bySecond = FanOut.completedDeliveries(second.baseUrl());
      System.out.printf("two nodes: %d deliveries by the first, %d by the second%n", byFirst, bySecond);
      assertThat(byFirst + bySecond).isEqualTo(FOLLOWERS);
    }
  }

  @Test
  void nodeKilledMidFanOut_theOtherDeliversTheRest_repeatingAtMostWhatWasInFlight() {
    try (DeliverySink sink = FanOut.sink(FanOut.channelKey(first.baseUrl()))) {
      FanOut.seedFollowers(storage, sink, FOLLOWERS);

      FanOut.publish(first.baseUrl(), first.apiToken());
      assertThat(sink.awaitTotal(FOLLOWERS / 4, WAIT)).isTrue();
      first.kill();

      assertThat(sink.awaitPaths(FOLLOWERS, WAIT)).as("every inbox got the Create").isTrue();
      FanOut.awaitDrained(second.baseUrl(), WAIT);
      int repeats = sink.repeats();
      System.out.printf("two nodes, one killed: %d deliveries to %d inboxes, %d repeated%n", sink.verifiedTotal(),
          FOLLOWERS, repeats);
      // Only jobs the killed node had claimed and sent, but not yet recorded as done, can go out twice.
      assertThat(repeats).isLessThanOrEqualTo(DeliverySettings.DEFAULT_MAX_IN_FLIGHT);
      assertThat(sink.rejected()).isZero();
    }
  }

  @Test
  void inboxActivityPostedToOneNode_isVisibleThroughTheOther() {
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      Inbound inbound = new Inbound(mastodon);
      inbound.seedAuthor(storage);
      inbound.toNewVideo(first.baseUrl(), first.apiToken());

      assertThat(inbound.post(first::baseUrl)).isEqualTo(202);

      inbound.awaitAllProcessed(second.baseUrl(), second.apiToken(), WAIT);
      assertThat(inbound.acceptedCount()).isOne();
    }
  }
}

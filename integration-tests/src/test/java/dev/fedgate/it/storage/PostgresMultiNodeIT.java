package dev.fedgate.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.storage.StoreContract;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several gateway nodes (backends) on one PostgreSQL database: starting together, and sharing the job queues. */
class PostgresMultiNodeIT {
  private static final int NODES = 3;
  private final List<StorageBackend> nodes = new ArrayList<>();
  private PostgresUrl database;

  @AfterEach
  void closeNodes() {
    nodes.forEach(node -> StoreContract.await(node.close()));
  }

  private void startTogether(PostgresUrl database) {
    this.database = database;
    StorageSettings settings = StorageSettings.builder().url(database.toConnectionUri()).build();
    List<CompletableFuture<StorageBackend>> opening = IntStream.range(0, NODES)
        .mapToObj(i -> StorageProviders.find("postgres").open(settings).toCompletableFuture()).toList();
    opening.forEach(node -> nodes.add(StoreContract.await(node)));
  }

  @Test
  void nodesStartingTogether_migrateOnce_andAllServe() throws Exception {
    startTogether(TestPostgres.freshDatabase("multinode_start"));

    // One row per script under db/pg (V1-V4, V6), each applied by one node only.
    assertThat(PgAdmin.queryNumber(database, "SELECT COUNT(*) FROM schema_version")).isEqualTo(5);

    for (StorageBackend node : nodes) {
      StoreContract.await(node.ping());
    }
    StoreContract.await(nodes.get(0).localActors().ensureInstanceActor("peertube"));
    assertThat(StoreContract.await(nodes.get(NODES - 1).localActors().findActor("peertube"))).isPresent();
  }

  @Test
  void claimsFromEveryNode_neverShareAJob_andTogetherTakeAll() {
    startTogether(TestPostgres.freshDatabase("multinode_claim"));
    List<Delivery> deliveries = IntStream.range(0, 300).mapToObj(i -> new Delivery(
        URI.create("https://h" + (i % 7) + ".example/inbox"), "cooking", URI.create("https://site.example/a/" + i),
        Optional.empty(), "{}")).toList();
    List<JobId> queued = StoreContract.await(nodes.get(0).deliveryJobs().enqueueAll(deliveries));
    Instant now = Instant.now();

    List<CompletableFuture<List<Job<Delivery>>>> claims = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      for (StorageBackend node : nodes) {
        claims.add(node.deliveryJobs().claimDue(now, 20, Duration.ofMinutes(5)).toCompletableFuture());
      }
    }

    Set<JobId> claimed = new HashSet<>();
    int total = 0;
    for (CompletableFuture<List<Job<Delivery>>> claim : claims) {
      for (Job<Delivery> job : StoreContract.await(claim)) {
        claimed.add(job.id());
        total++;
      }
    }
    assertThat(total).isEqualTo(claimed.size());
    assertThat(claimed).containsExactlyInAnyOrderElementsOf(queued);
  }
}

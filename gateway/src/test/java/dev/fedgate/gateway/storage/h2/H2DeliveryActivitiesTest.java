package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.PendingFederation;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store keeps one activity row (body, id, object, signer) per batch of delivery jobs that deliver it, and
 * sweeps it once no job points to it.
 */
class H2DeliveryActivitiesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);
  private static final String CREATE = "{\"type\":\"Create\",\"object\":{\"type\":\"Video\",\"name\":\"Bread\"}}";
  private static final String UPDATE = "{\"type\":\"Update\",\"object\":{\"type\":\"Video\",\"name\":\"Rye\"}}";

  private H2Database database;
  private H2DeliveryJobStore deliveries;

  @BeforeEach
  void open() throws Exception {
    database = H2Database.open("jdbc:h2:mem:activities-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", 2);
    await(database.transaction(c -> H2Migrations.apply(c, CLOCK)));
    deliveries = new H2DeliveryJobStore(database, CLOCK);
  }

  @AfterEach
  void close() throws Exception {
    await(database.close());
  }

  private static Delivery delivery(int follower, String json) {
    // A copy of the text, not the same instance: jobs share an activity row when their texts are equal.
    return new Delivery(URI.create("https://peer" + follower % 3 + ".example/users/u" + follower + "/inbox"),
        "https://video.example/video-channels/kitchen", URI.create("https://video.example/activities/1"),
        Optional.empty(), new String(json));
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private long activities() throws Exception {
    return await(database.transaction(c -> count(c, "SELECT COUNT(*) FROM delivery_activity")));
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void sweep() throws Exception {
    await(database.transaction(H2DeliveryJobStore.SWEEP_ACTIVITIES));
  }

  private List<Job<Delivery>> claimAll() throws Exception {
    return await(deliveries.claimDue(NOW, 500, Duration.ofMinutes(1)));
  }

  @Test
  void aBatch_storesEachDistinctActivityOnce_andEveryJobReadsItsOwn() throws Exception {
    List<Delivery> batch = IntStream.range(0, 100).mapToObj(i -> delivery(i, i % 2 == 0 ? CREATE : UPDATE)).toList();

    await(deliveries.enqueueAll(batch));

    assertThat(activities()).isEqualTo(2);
    List<Job<Delivery>> claimed = claimAll();
    assertThat(claimed).hasSize(100);
    assertThat(claimed).allSatisfy(job -> assertThat(job.payload().json())
        .isEqualTo(job.payload().inbox().getPath().matches("/users/u\\d*[02468]/inbox") ? CREATE : UPDATE));
  }

  @Test
  void anOutboxFanOut_storesItsActivityOnce() throws Exception {
    await(database.transaction(c -> {
      try (Statement statement = c.createStatement()) {
        return statement.executeUpdate("INSERT INTO federation_pending (subject_type, subject_key, change_kind,"
            + " version, marked_at) VALUES ('VIDEO', 'bread', 'CREATED', 7, TIMESTAMP WITH TIME ZONE"
            + " '2026-12-07 12:00:00Z')");
      }
    }));
    PendingFederation pending =
        await(deliveries.findPending(new FederationSubject(FederationSubject.Type.VIDEO, "bread"))).orElseThrow();

    assertThat(await(deliveries.enqueueFederation(pending,
        IntStream.range(0, 100).mapToObj(i -> delivery(i, CREATE)).toList()))).isTrue();

    assertThat(activities()).isOne();
    assertThat(claimAll()).hasSize(100).allSatisfy(job -> assertThat(job.payload().json()).isEqualTo(CREATE));
  }

  @Test
  void separateBatches_doNotShareAnActivity() throws Exception {
    await(deliveries.enqueueAll(List.of(delivery(1, CREATE), delivery(2, CREATE))));
    await(deliveries.enqueueAll(List.of(delivery(3, CREATE))));

    assertThat(activities()).isEqualTo(2);
  }

  @Test
  void jobsInsertedOneByOne_eachGetTheirActivity() throws Exception {
    await(database.transaction(c -> {
      deliveries.insert(c, delivery(1, CREATE));
      return deliveries.insert(c, delivery(2, UPDATE));
    }));

    assertThat(claimAll()).extracting(job -> job.payload().json()).containsExactlyInAnyOrder(CREATE, UPDATE);
  }

  @Test
  void theSweep_keepsAnActivityWhileAnyJobPointsToIt_retriedAndDeadOnesToo() throws Exception {
    await(deliveries.enqueueAll(List.of(delivery(1, CREATE), delivery(2, CREATE), delivery(3, CREATE))));
    List<Job<Delivery>> claimed = claimAll();

    await(deliveries.complete(claimed.get(0).lease().orElseThrow(), JobOutcome.done()));
    await(deliveries.complete(claimed.get(1).lease().orElseThrow(), JobOutcome.retryAt(NOW, "503")));
    await(deliveries.complete(claimed.get(2).lease().orElseThrow(), JobOutcome.giveUp("410 Gone")));
    sweep();

    assertThat(activities()).isOne();
    assertThat(claimAll()).singleElement().extracting(job -> job.payload().json()).isEqualTo(CREATE);
    assertThat(await(deliveries.pageByHost("peer0.example", JobState.DEAD, PageRequest.first(10))).items())
        .singleElement().extracting(job -> job.payload().json()).isEqualTo(CREATE);
  }

  @Test
  void theSweep_deletesAnActivity_onceNoJobPointsToIt() throws Exception {
    await(deliveries.enqueueAll(List.of(delivery(1, CREATE), delivery(2, CREATE))));
    await(deliveries.enqueueAll(List.of(delivery(3, UPDATE))));
    for (Job<Delivery> job : claimAll()) {
      if (job.payload().json().equals(CREATE)) {
        await(deliveries.complete(job.lease().orElseThrow(), JobOutcome.done()));
      }
    }

    sweep();

    long updates = await(database.transaction(c -> count(c, "SELECT COUNT(*) FROM delivery_activity WHERE body = '"
        + UPDATE + "'")));
    assertThat(activities()).isOne();
    assertThat(updates).isOne();
  }

  @Test
  void cancelledJobs_leaveTheirActivityToTheSweep() throws Exception {
    Delivery create = new Delivery(URI.create("https://peer.example/inbox"), "https://video.example/c/kitchen",
        URI.create("https://video.example/activities/2"), Optional.of(URI.create("https://video.example/videos/1")),
        CREATE);
    await(deliveries.enqueueAll(List.of(create)));

    assertThat(await(deliveries.cancelForObject(URI.create("https://video.example/videos/1")))).isOne();
    sweep();

    assertThat(activities()).isZero();
  }

  @Test
  void oneBodyFromTwoSigners_isStoredAsTwoActivities_eachJobSignedByItsOwn() throws Exception {
    Delivery channel = delivery(1, CREATE);
    Delivery account = new Delivery(URI.create("https://peer2.example/inbox"), "https://video.example/accounts/ann",
        URI.create("https://video.example/activities/3"), Optional.of(URI.create("https://video.example/videos/1")),
        new String(CREATE));

    await(deliveries.enqueueAll(List.of(channel, account)));

    assertThat(activities()).isEqualTo(2);
    assertThat(claimAll()).extracting(Job::payload).containsExactlyInAnyOrder(channel, account);
  }

  @Test
  void cancelForObject_removesOnlyTheQueuedJobsOfThatObjectsActivities() throws Exception {
    URI video = URI.create("https://video.example/videos/1");
    Delivery first = new Delivery(URI.create("https://a.example/inbox"), "https://video.example/c/kitchen",
        URI.create("https://video.example/activities/4"), Optional.of(video), CREATE);
    Delivery dead = new Delivery(URI.create("https://b.example/inbox"), "https://video.example/c/kitchen",
        URI.create("https://video.example/activities/4"), Optional.of(video), CREATE);
    Delivery other = new Delivery(URI.create("https://c.example/inbox"), "https://video.example/c/kitchen",
        URI.create("https://video.example/activities/5"), Optional.of(URI.create("https://video.example/videos/2")),
        UPDATE);
    await(deliveries.enqueueAll(List.of(dead)));
    Job<Delivery> claimed = claimAll().get(0);
    await(deliveries.complete(claimed.lease().orElseThrow(), JobOutcome.giveUp("410 Gone")));
    await(deliveries.enqueueAll(List.of(first, other)));

    assertThat(await(deliveries.cancelForObject(video))).isOne();

    assertThat(claimAll()).extracting(Job::payload).containsExactly(other);
    assertThat(await(deliveries.pageByHost("b.example", JobState.DEAD, PageRequest.first(10))).items())
        .extracting(Job::payload).containsExactly(dead);
  }
}

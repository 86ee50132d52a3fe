package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.ActorKey;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a backend keeps across close and reopen. The backend test supplies {@link #openPersistentBackend()}, which
 * opens the same persistent database on every call (e.g. one file database in a temporary directory per test), with
 * {@link #clock} as its clock.
 */
public abstract class DurabilityContract {
  private static final Follow FOLLOW = FollowStoreContract.follow("cooking", "mastodon.example", 1);
  private static final InboundActivity INBOUND = new InboundActivity(URI.create("https://m.example/a/1"),
      Optional.empty(), URI.create("https://m.example/u/bob"), "{\"type\":\"Like\"}");
  private static final Delivery DELIVERY = new Delivery(URI.create("https://m.example/inbox"), "cooking",
      URI.create(Samples.SITE + "/a/1"), Optional.empty(), "{\"type\":\"Create\"}");

  /** The clock the backend must use. */
  protected final TestClock clock = new TestClock(StoreContract.START);

  /** Opens the test's persistent database; called again after the previous backend was closed. */
  protected abstract StorageBackend openPersistentBackend();

  @Test
  void everythingWrittenIsThereAfterReopening() {
    UUID uuid = UUID.randomUUID();
    ActorKey key = new ActorKey("RSA", new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
    StorageBackend first = openPersistentBackend();
    StoreContract.await(first.localActors().upsertAccount(account("alice")));
    StoreContract.await(first.localActors().upsertChannel(channel("cooking", "alice")));
    StoreContract.await(first.localActors().putKeyIfAbsent("alice", key));
    StoreContract.await(first.videos().upsert(video(uuid, "cooking", Instant.EPOCH)));
    StoreContract.await(first.follows().upsert(FOLLOW));
    StoreContract.await(first.inbox().accept(INBOUND));
    StoreContract.await(first.deliveryJobs().enqueueAll(List.of(DELIVERY)));
    StoreContract.await(first.close());

    StorageBackend second = openPersistentBackend();
    try {
      assertThat(StoreContract.await(second.localActors().findAccount("alice")).map(Stored::value))
          .contains(account("alice"));
      assertThat(StoreContract.await(second.localActors().findKeys("alice"))).containsExactly(key);
      assertThat(StoreContract.await(second.videos().find(uuid)).map(Stored::value))
          .contains(video(uuid, "cooking", Instant.EPOCH));
      assertThat(StoreContract.await(second.follows().find("cooking", FOLLOW.follower())).map(Stored::value))
          .contains(FOLLOW);
      assertThat(StoreContract.await(second.inbox().accept(INBOUND))).isFalse();
      Instant later = clock.instant();
      assertThat(StoreContract.await(second.inbox().claimDue(later, 10, Duration.ofMinutes(1))))
          .extracting(Job::payload).containsExactly(INBOUND);
      assertThat(StoreContract.await(second.deliveryJobs().claimDue(later, 10, Duration.ofMinutes(1))))
          .extracting(Job::payload).containsExactly(DELIVERY);
    } finally {
      StoreContract.await(second.close());
    }
  }

  @Test
  void writesThroughTheReplayableView_areThereAfterReopening() {
    StorageBackend first = openPersistentBackend();
    StoreContract.await(first.replayable().localActors().upsertAccount(account("alice")));
    StoreContract.await(first.replayable().localActors().upsertChannel(channel("cooking", "alice")));
    StoreContract.await(first.replayable().follows().upsert(FOLLOW));
    StoreContract.await(first.replayable().deliveryJobs().enqueueAll(List.of(DELIVERY)));
    StoreContract.await(first.close());

    StorageBackend second = openPersistentBackend();
    try {
      assertThat(StoreContract.await(second.follows().find("cooking", FOLLOW.follower())).map(Stored::value))
          .contains(FOLLOW);
      assertThat(StoreContract.await(second.deliveryJobs().claimDue(clock.instant(), 10, Duration.ofMinutes(1))))
          .extracting(Job::payload).containsExactly(DELIVERY);
    } finally {
      StoreContract.await(second.close());
    }
  }
}

package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.ActorKey;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a backend keeps across close and reopen. The backend test supplies {@link #openPersistentBackend()}, which
 * opens the same persistent database on every call (e.g. one file database in a temporary directory per test).
 */
public abstract class DurabilityContract {

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
    StoreContract.await(first.close());

    StorageBackend second = openPersistentBackend();
    try {
      assertThat(StoreContract.await(second.localActors().findAccount("alice")).map(Stored::value))
          .contains(account("alice"));
      assertThat(StoreContract.await(second.localActors().findKeys("alice"))).containsExactly(key);
      assertThat(StoreContract.await(second.videos().find(uuid)).map(Stored::value))
          .contains(video(uuid, "cooking", Instant.EPOCH));
    } finally {
      StoreContract.await(second.close());
    }
  }
}

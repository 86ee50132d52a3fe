package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.UsageCounts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link StorageBackend} itself: health, usage counts and shutdown. */
public abstract class StorageBackendContract extends StoreContract {

  @Test
  void ping_openBackend_succeeds() {
    await(backend.ping());
  }

  @Test
  void usage_emptyBackend_isAllZero() {
    assertThat(await(backend.usage())).isEqualTo(new UsageCounts(0, 0, 0, 0));
  }

  @Test
  void usage_countsLocalActorsAndLiveVideos() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertAccount(account("bob")));
    await(backend.localActors().upsertChannel(channel("cooking", "alice")));
    await(backend.localActors().ensureInstanceActor("peertube"));
    UUID deleted = UUID.randomUUID();
    await(backend.videos().upsert(video(UUID.randomUUID(), "cooking", Instant.EPOCH)));
    await(backend.videos().upsert(video(deleted, "cooking", Instant.EPOCH)));
    await(backend.videos().delete(deleted));

    UsageCounts usage = await(backend.usage());

    assertThat(usage.localAccounts()).isEqualTo(2);
    assertThat(usage.localChannels()).isEqualTo(1);
    assertThat(usage.localVideos()).isEqualTo(1);
  }

  @Test
  void close_isIdempotentAndLaterCallsFail() {
    StorageBackend other = openBackend();

    await(other.close());
    await(other.close());

    assertThat(awaitFailure(other.ping())).isNotNull();
  }
}

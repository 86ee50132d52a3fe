package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.UsageCounts;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
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
  void usage_countsLocalActorsLiveVideosAndVisibleLocalComments() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertAccount(account("bob")));
    await(backend.localActors().upsertChannel(channel("cooking", "alice")));
    await(backend.localActors().ensureInstanceActor("peertube"));
    UUID deleted = UUID.randomUUID();
    await(backend.videos().upsert(video(UUID.randomUUID(), "cooking", Instant.EPOCH)));
    await(backend.videos().upsert(video(deleted, "cooking", Instant.EPOCH)));
    await(backend.videos().delete(deleted));
    UUID live = UUID.randomUUID();
    await(backend.videos().upsert(video(live, "cooking", Instant.EPOCH)));
    await(backend.comments().add(comment(live, new CommentAuthor.Local("alice"), CommentStatus.VISIBLE)));
    await(backend.comments().add(comment(live, new CommentAuthor.Local("alice"), CommentStatus.HELD)));
    await(backend.comments().add(comment(live, new CommentAuthor.Remote(URI.create("https://m.example/u/b")),
        CommentStatus.VISIBLE)));

    UsageCounts usage = await(backend.usage());

    assertThat(usage.localAccounts()).isEqualTo(2);
    assertThat(usage.localChannels()).isEqualTo(1);
    assertThat(usage.localVideos()).isEqualTo(2);
    assertThat(usage.localComments()).isEqualTo(1);
  }

  private static NewComment comment(UUID video, CommentAuthor author, CommentStatus status) {
    return new NewComment(video, Optional.empty(), author, "hi", Optional.empty(), status, Instant.EPOCH);
  }

  @Test
  void replayable_isTheSameData_bothWays() {
    await(backend.replayable().localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertAccount(account("bob")));

    assertThat(await(backend.localActors().findAccount("alice"))).isPresent();
    assertThat(await(backend.replayable().localActors().findAccount("bob"))).isPresent();
  }

  @Test
  void close_isIdempotentAndLaterCallsFail() {
    StorageBackend other = openBackend();

    await(other.close());
    await(other.close());

    assertThat(awaitFailure(other.ping())).isNotNull();
  }
}

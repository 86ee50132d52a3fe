package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.Video;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalVideosTest {
  private final UUID uuid = UUID.randomUUID();
  private final AtomicLong nanos = new AtomicLong();
  private StorageBackend storage;
  private LocalVideos videos;

  @BeforeEach
  void setUp() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:local-videos-" + UUID.randomUUID()).build()));
    await(storage.localActors().upsertAccount(SiteFixtures.account("alice")));
    await(storage.localActors().upsertChannel(SiteFixtures.channel("science", "alice")));
    videos = new LocalVideos(storage.videos(), nanos::get);
  }

  @AfterEach
  void tearDown() {
    await(storage.close());
  }

  private void put(String name) {
    Video video = SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED);
    await(storage.videos().upsert(new Video(uuid, video.channel(), name, video.description(),
        video.durationSeconds(), video.publishedAt(), video.url(), video.embedUrl(), video.thumbnails(),
        video.files(), video.hls(), video.tags(), video.language(), video.licence(), video.category(), video.sensitive(),
        video.commentsPolicy(), video.live())));
  }

  private Optional<String> name() {
    return await(videos.find(uuid).toCompletionStage()).map(Stored::value).map(Video::name);
  }

  @Test
  void aVideoIsReadOnce_thenServedFromMemory_untilItsChangeIsHeard() {
    put("First");
    assertThat(name()).contains("First");

    put("Second");
    assertThat(name()).as("no change heard yet").contains("First");

    videos.invalidate(new CacheChange.Video(uuid));
    assertThat(name()).contains("Second");
    assertThat(videos.cacheStats().hitCount()).isEqualTo(1);
    assertThat(videos.cacheStats().missCount()).isEqualTo(2);
  }

  @Test
  void changesOfOtherVideosAndOtherKinds_leaveItCached() {
    put("First");
    assertThat(name()).contains("First");
    put("Second");

    videos.invalidate(new CacheChange.Video(UUID.randomUUID()));
    videos.invalidate(new CacheChange.LocalActor("science"));

    assertThat(name()).contains("First");
  }

  @Test
  void aVideoUnknownToTheStore_isNotRemembered_soANewVideoIsFoundAtOnce() {
    assertThat(name()).isEmpty();

    put("New");

    assertThat(name()).contains("New");
  }

  @Test
  void aDeletedVideo_isGoneOnceItsChangeIsHeard() {
    put("First");
    assertThat(name()).contains("First");

    assertThat(await(storage.videos().delete(uuid))).isTrue();
    videos.invalidate(new CacheChange.Video(uuid));

    assertThat(name()).isEmpty();
  }

  @Test
  void entriesExpire_whichBoundsStalenessWhenAChangeWasMissed() {
    put("First");
    assertThat(name()).contains("First");
    put("Second");

    nanos.addAndGet(LocalVideos.DEFAULT_EXPIRY.toNanos() - 1);
    assertThat(name()).contains("First");
    nanos.addAndGet(1);
    assertThat(name()).contains("Second");
  }

  @Test
  void invalidateAll_forgetsEveryVideo() {
    put("First");
    assertThat(name()).contains("First");
    put("Second");

    videos.invalidateAll();

    assertThat(name()).contains("Second");
  }
}

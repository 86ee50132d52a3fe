package dev.fedgate.gateway.bench;

import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.mapping.ActivityMapper;
import dev.fedgate.gateway.mapping.CollectionMapper;
import dev.fedgate.gateway.mapping.LocalCollections;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.mapping.PagePosition;
import dev.fedgate.gateway.mapping.VideoMapper;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.json.VocabWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Microseconds to map and encode what the public face serves: a Video from the site's model, a full followers page
 * (ids) and a full outbox page ({@code Create} activities). This is the work {@code ActivityPubRoutes} keeps off the
 * event loop (documents are cached; pages are rendered on the CPU pool).
 *
 * <p>Run from the repository root (figures in {@code docs/benchmarks.md}):
 * {@code mvn -q -pl gateway -am -Pgateway-benchmarks process-test-classes
 * -Djmh.args="RenderBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {
  private final LocalUrls urls = new LocalUrls(URI.create("https://video.example"));
  private final VocabWriter writer = VocabWriter.create();
  private final VideoMapper videos = new VideoMapper(urls);
  private final ActivityMapper activities = new ActivityMapper(urls);
  private Stored<dev.fedgate.gateway.storage.Video> video;
  private List<Ref<ApObject>> followerIds;
  private List<UUID> outboxVideos;

  /** One video and a full page of followers and of videos. */
  @Setup
  public void setUp() {
    video = new Stored<>(SiteFixtures.video(UUID.randomUUID(), "science", SiteFixtures.PUBLISHED),
        SiteFixtures.PUBLISHED, SiteFixtures.PUBLISHED);
    followerIds = new ArrayList<>();
    outboxVideos = new ArrayList<>();
    for (int i = 0; i < LocalCollections.DEFAULT_PAGE_SIZE; i++) {
      followerIds.add(Ref.of(URI.create("https://mastodon" + i + ".example/users/someone" + i)));
      outboxVideos.add(UUID.randomUUID());
    }
  }

  /** Maps a stored video to its Video and encodes it (a cache miss at {@code /videos/watch/{uuid}}). */
  @Benchmark
  public byte[] video() {
    return writer.write(videos.video(video, "alice"));
  }

  /** Builds and encodes a page of 50 follower ids. */
  @Benchmark
  public byte[] followersPage() {
    URI collection = URI.create("https://video.example/video-channels/science/followers");
    Collection page = CollectionMapper.page(collection, PagePosition.after("MTAwMA"), 100_000,
        new Page<>(followerIds, Optional.of("MTA1MA"), Optional.of("MTAwMQ")));
    return writer.write(page);
  }

  /** Builds and encodes an outbox page of 50 {@code Create} activities (videos by id). */
  @Benchmark
  public byte[] outboxPage() {
    URI collection = URI.create("https://video.example/video-channels/science/outbox");
    List<Ref<ApObject>> items = new ArrayList<>(outboxVideos.size());
    for (UUID uuid : outboxVideos) {
      items.add(Ref.embed(activities.createById(urls.video(uuid), "science")));
    }
    return writer.write(CollectionMapper.page(collection, PagePosition.FIRST, 1_000,
        new Page<>(items, Optional.of("MTA1MA"), Optional.empty())));
  }
}

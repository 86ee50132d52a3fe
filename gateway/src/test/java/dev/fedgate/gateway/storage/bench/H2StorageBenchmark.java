package dev.fedgate.gateway.storage.bench;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.h2.H2StorageProvider;
import dev.fedgate.gateway.storage.support.PageCursors;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The embedded backend's hot paths: accepting an inbound activity (de-dup mark plus queue insert), a delivery batch's
 * whole life (enqueue, claim, complete), and reading a followers page deep inside a large collection, forward and
 * backward.
 *
 * <p>Run: {@code mvn -q -pl gateway -am -Pgateway-benchmarks -DskipTests verify
 * -Djmh.args="H2StorageBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class H2StorageBenchmark {
  private static final int BATCH = 50;
  private static final PageRequest PAST_THE_END = PageRequest.before(PageCursors.encode(Long.MAX_VALUE), 40);
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-05-01T10:00:00Z"));

  /** {@code mem}: in-memory H2; {@code file}: a file database in a temporary directory (commits written at once). */
  @Param({"mem", "file"})
  public String storage;

  /** Followers of the paged channel. */
  @Param({"10", "100000"})
  public int followers;

  private Path directory;
  private StorageBackend backend;
  private String deepCursor;
  private final AtomicLong activities = new AtomicLong();

  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("fedgate-bench");
    StorageSettings.Builder settings = StorageSettings.builder().clock(CLOCK);
    if (storage.equals("mem")) {
      settings.url("mem:bench-" + System.nanoTime());
    } else {
      settings.dataDirectory(directory);
    }
    backend = join(new H2StorageProvider().open(settings.build()));
    join(backend.localActors().upsertAccount(new Account("alice", "Alice", "", URI.create("https://s.example/a"),
        Optional.empty(), Optional.empty())));
    join(backend.localActors().upsertChannel(new Channel("cooking", "alice", "Cooking", "",
        URI.create("https://s.example/c"), Optional.empty(), Optional.empty())));
    addFollowers();
    deepCursor = cursorNearTheEnd();
  }

  private void addFollowers() {
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    for (int i = 0; i < followers; i++) {
      URI actor = URI.create("https://peer" + (i % 500) + ".example/users/u" + i);
      inFlight.add(backend.follows().upsert(new Follow("cooking", actor, URI.create(actor + "/inbox"),
          Optional.of(URI.create("https://peer" + (i % 500) + ".example/inbox")), FollowState.ACCEPTED,
          URI.create(actor + "/follow"))).toCompletableFuture());
      if (inFlight.size() == 1000) {
        inFlight.forEach(CompletableFuture::join);
        inFlight.clear();
      }
    }
    inFlight.forEach(CompletableFuture::join);
  }

  /** The cursor of the page that starts 40 followers before the end (none when there are fewer). */
  private String cursorNearTheEnd() {
    String cursor = null;
    int position = 0;
    int target = followers - 40;
    while (position < target) {
      int size = Math.min(PageRequest.MAX_LIMIT, target - position);
      PageRequest request = cursor == null ? PageRequest.first(size) : PageRequest.after(cursor, size);
      cursor = join(backend.follows().page("cooking", FollowState.ACCEPTED, request)).next().orElseThrow();
      position += size;
    }
    return cursor;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    join(backend.close());
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** One new inbound activity: the de-dup mark and the queue row in one transaction. */
  @Benchmark
  public boolean inboxAccept() {
    long n = activities.incrementAndGet();
    return join(backend.inbox().accept(new InboundActivity(URI.create("https://m.example/activities/" + n),
        Optional.empty(), URI.create("https://m.example/users/bob"), "{\"type\":\"Like\",\"n\":" + n + "}")));
  }

  /** {@value #BATCH} deliveries enqueued, claimed and completed: one operation is one batch. */
  @Benchmark
  public int deliveryBatchLifecycle() {
    List<Delivery> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(new Delivery(URI.create("https://peer" + i + ".example/inbox"), "cooking",
          URI.create("https://s.example/activities/" + i), Optional.empty(), "{\"type\":\"Create\"}"));
    }
    join(backend.deliveryJobs().enqueueAll(batch));
    List<Job<Delivery>> claimed = join(backend.deliveryJobs().claimDue(CLOCK.instant(), BATCH,
        Duration.ofMinutes(5)));
    List<CompletableFuture<Boolean>> done = new ArrayList<>();
    for (Job<Delivery> job : claimed) {
      done.add(backend.deliveryJobs().complete(job.lease().orElseThrow(), JobOutcome.done()).toCompletableFuture());
    }
    done.forEach(CompletableFuture::join);
    return claimed.size();
  }

  /** A 40-follower page near the end of the collection (keyset: as fast at 100,000 as at 10). */
  @Benchmark
  public int followersPageNearTheEnd() {
    PageRequest request = deepCursor == null ? PageRequest.first(40) : PageRequest.after(deepCursor, 40);
    return join(backend.follows().page("cooking", FollowState.ACCEPTED, request)).items().size();
  }

  /**
   * The last 40 followers read backward, from a cursor past the end: the reverse keyset read that every {@code prev}
   * link makes, starting where the index range for the channel ends.
   */
  @Benchmark
  public int followersPageBackwardFromTheEnd() {
    return join(backend.follows().page("cooking", FollowState.ACCEPTED, PAST_THE_END)).items().size();
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}

package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageSettings;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Acknowledged means durable" on the file database: a separate JVM accepts an inbound activity, reports the
 * acknowledgement, and halts at once (no close, no shutdown hooks); a new backend on the same files still has it.
 */
class H2CrashDurabilityTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private static final InboundActivity ACTIVITY = new InboundActivity(URI.create("https://m.example/activities/1"),
      Optional.of("cooking"), URI.create("https://m.example/users/bob"), "{\"type\":\"Follow\"}");

  @TempDir
  Path directory;

  @Test
  void acceptedActivity_survivesAProcessHaltRightAfterTheAcknowledgement() throws Exception {
    assertThat(runChild(AcceptThenHalt.class, 60)).contains("ACK true");

    StorageBackend reopened = open(directory);
    try {
      assertThat(reopened.inbox().accept(ACTIVITY).toCompletableFuture().get(30, TimeUnit.SECONDS)).isFalse();
      List<Job<InboundActivity>> queued = reopened.inbox()
          .claimDue(NOW, 10, Duration.ofMinutes(1))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(queued).extracting(Job::payload).containsExactly(ACTIVITY);
    } finally {
      reopened.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyAcknowledgedActivity_ofManyConcurrentOnes_survivesAProcessHalt_evenWhenH2StoredByItselfMeanwhile()
      throws Exception {
    List<String> acknowledged = runChild(AcceptManyThenHalt.class, 120).lines()
        .filter(line -> line.startsWith("ACK ")).map(line -> line.substring(4)).toList();
    assertThat(acknowledged).hasSize(AcceptManyThenHalt.SMALL + AcceptManyThenHalt.LARGE);

    // Reopened in a JVM without assertions, as the gateway runs: the halt may fall in the middle of one of H2's own
    // stores, and in about one run in ten H2 2.4.240's internal assertions then fail on the next store after its
    // recovery (a chunk's page counted as removed twice; see the notes of issue 8). What is checked here is ours.
    List<String> queued = runChild(ReopenAndListQueued.class, 120).lines()
        .filter(line -> line.startsWith("QUEUED ")).map(line -> line.substring(7)).toList();
    assertThat(queued).containsExactlyInAnyOrderElementsOf(acknowledged);
  }

  @Test
  void aDeferredWrite_survivesAHaltOnceALaterDurableWriteCompleted() throws Exception {
    assertThat(runChild(DeferThenWriteThenHalt.class, 60)).contains("ACK");

    StorageBackend reopened = open(directory);
    try {
      assertThat(reopened.remoteHosts().find("deferred.example").toCompletableFuture().get(30, TimeUnit.SECONDS))
          .isPresent();
    } finally {
      reopened.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void journalRecordsLeftByAProcess_areQueuedAgainAtOpen_andTheirSegmentsDeleted() throws Exception {
    StorageBackend first = open(directory);
    first.inbox().accept(ACTIVITY).toCompletableFuture().get(30, TimeUnit.SECONDS);
    first.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
    InboundActivity lost = new InboundActivity(URI.create("https://m.example/activities/lost"), Optional.empty(),
        URI.create("https://m.example/users/bob"), "{\"type\":\"Like\",\"content\":\"\u00e9t\u00e9\"}");
    H2Journal left = H2Journal.open(directory.resolve(H2StorageProvider.FILE_NAME));
    left.appendAndSync(List.of(H2InboxStore.toRecord(ACTIVITY), H2InboxStore.toRecord(lost)));
    left.seal();

    StorageBackend reopened = open(directory);
    try {
      List<InboundActivity> queued = reopened.inbox().claimDue(NOW, 10, Duration.ofMinutes(1))
          .toCompletableFuture().get(30, TimeUnit.SECONDS).stream().map(Job::payload).toList();
      assertThat(queued).containsExactlyInAnyOrder(ACTIVITY, lost);
      assertThat(JournalRecords.all(H2Journal.open(directory.resolve(H2StorageProvider.FILE_NAME)))).isEmpty();
    } finally {
      reopened.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Runs {@code main} in a JVM of its own on the test's directory; returns what it printed once it ended. */
  private String runChild(Class<?> main, int timeoutSeconds) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName(), directory.toString())
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static StorageBackend open(Path directory) throws Exception {
    StorageSettings settings =
        StorageSettings.builder().dataDirectory(directory).clock(InstantSource.fixed(NOW)).build();
    return new H2StorageProvider().open(settings)
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The child process: accept, print the acknowledgement, halt without closing anything. */
  static final class AcceptThenHalt {
    private AcceptThenHalt() {}

    public static void main(String[] args) throws Exception {
      StorageBackend backend = open(new File(args[0]).toPath());
      boolean accepted = backend.inbox().accept(ACTIVITY).toCompletableFuture().get(30, TimeUnit.SECONDS);
      System.out.println("ACK " + accepted);
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  /** The child process: a deferred write, then a durable one; prints the acknowledgement and halts. */
  static final class DeferThenWriteThenHalt {
    private DeferThenWriteThenHalt() {}

    public static void main(String[] args) throws Exception {
      StorageBackend backend = open(new File(args[0]).toPath());
      backend.replayable().remoteHosts().recordSuccess("deferred.example", NOW)
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      backend.remoteHosts().recordSuccess("durable.example", NOW).toCompletableFuture().get(30, TimeUnit.SECONDS);
      System.out.println("ACK");
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  /** The child process: opens the store, prints the id of every activity queued in it, and closes it. */
  static final class ReopenAndListQueued {
    private ReopenAndListQueued() {}

    public static void main(String[] args) throws Exception {
      StorageBackend reopened = open(new File(args[0]).toPath());
      try {
        reopened.inbox().claimDue(NOW, 1_000, Duration.ofMinutes(1)).toCompletableFuture().get(60, TimeUnit.SECONDS)
            .forEach(job -> System.out.println("QUEUED " + job.payload().activityId()));
      } finally {
        reopened.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      System.out.flush();
    }
  }

  /**
   * The child process: accepts many small activities one by one while one transaction queues activities of 1 MiB
   * each, more than H2's commit buffer (19 MiB), so that H2 stores by itself in the middle; prints each acknowledgement
   * and halts right after the last.
   */
  static final class AcceptManyThenHalt {
    static final int SMALL = 200;
    static final int LARGE = 24;

    private AcceptManyThenHalt() {}

    public static void main(String[] args) throws Exception {
      StorageBackend backend = open(new File(args[0]).toPath());
      String large = "{\"type\":\"Note\",\"content\":\"" + "x".repeat(1024 * 1024) + "\"}";
      List<InboundActivity> larges = IntStream.range(0, LARGE)
          .mapToObj(i -> activity("large-" + i, large)).toList();
      CompletableFuture<Void> largeDone = backend.inbox().acceptAll(larges)
          .thenAccept(answers -> larges.forEach(AcceptManyThenHalt::acknowledge)).toCompletableFuture();
      List<CompletableFuture<Void>> smallDone = new ArrayList<>();
      for (int i = 0; i < SMALL; i++) {
        InboundActivity small = activity("small-" + i, "{\"type\":\"Like\"}");
        smallDone.add(backend.inbox().accept(small).thenAccept(isNew -> acknowledge(small)).toCompletableFuture());
      }
      largeDone.get(60, TimeUnit.SECONDS);
      for (CompletableFuture<Void> done : smallDone) {
        done.get(60, TimeUnit.SECONDS);
      }
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }

    private static InboundActivity activity(String name, String json) {
      return new InboundActivity(URI.create("https://m.example/activities/" + name), Optional.empty(),
          URI.create("https://m.example/users/bob"), json);
    }

    private static synchronized void acknowledge(InboundActivity activity) {
      System.out.println("ACK " + activity.activityId());
    }
  }
}

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AcceptThenHalt.class.getName(), directory.toString())
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("ACK true");

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
}

package dev.fedgate.gateway;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.WebhookEvent;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PruningTest {
  private static final Duration SEEN = Duration.ofDays(14);
  private static final Duration EVENTS = Duration.ofDays(30);
  private Instant now = Instant.parse("2026-11-01T12:00:00Z");
  private final InstantSource clock = () -> now;
  private final StorageBackend storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
      .url("mem:pruning-" + UUID.randomUUID()).clock(clock).build()));
  private final Pruning pruning = new Pruning(storage, clock, SEEN, EVENTS);

  @AfterEach
  void close() {
    await(storage.close());
  }

  private boolean accept(String id) {
    return await(storage.inbox().accept(new InboundActivity(URI.create("https://m.example/a/" + id), Optional.empty(),
        URI.create("https://m.example/u/bob"), "{}")));
  }

  private void event(String type) {
    await(storage.webhookJobs().enqueueAll(List.of(new WebhookEvent(type, "{}"))));
  }

  @Test
  void prune_forgetsActivityIdsOnlyAfterTheSeenRetention() {
    assertThat(accept("1")).isTrue();

    now = now.plus(SEEN).minusSeconds(1);
    assertThat(await(pruning.prune().toCompletionStage()).seenIds()).isZero();
    assertThat(accept("1")).isFalse();

    now = now.plusSeconds(2);
    assertThat(await(pruning.prune().toCompletionStage()).seenIds()).isEqualTo(1);
    assertThat(accept("1")).isTrue();
  }

  @Test
  void prune_removesEventsOnlyAfterTheEventRetention() {
    event("follow.created");
    now = now.plus(Duration.ofDays(20));
    event("comment.created");

    now = now.plus(Duration.ofDays(11));
    assertThat(await(pruning.prune().toCompletionStage())).isEqualTo(new Pruning.Pruned(0, 1));
    now = now.plus(Duration.ofDays(20));
    assertThat(await(pruning.prune().toCompletionStage())).isEqualTo(new Pruning.Pruned(0, 1));
    assertThat(await(pruning.prune().toCompletionStage())).isEqualTo(new Pruning.Pruned(0, 0));
  }

  @Test
  void schedule_runsRoundsOnTheTimer() throws Exception {
    accept("old");
    now = now.plus(SEEN).plusSeconds(1);
    Vertx vertx = Vertx.vertx();
    try {
      long timer = pruning.schedule(vertx, Duration.ofMillis(1), Duration.ofMillis(20));
      // The first round forgets the old id; polling the store is the only way to see a timer's effect.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!accept("old")) {
        assertThat(System.nanoTime()).as("pruned within 10 s").isLessThan(deadline);
        Thread.onSpinWait();
      }
      vertx.cancelTimer(timer);
    } finally {
      await(vertx.close().toCompletionStage());
    }
  }
}

package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SiteEventsTest {

  /** A webhook queue whose writes complete when the test says so; it records the types of each group. */
  private static final class HeldWrites implements WebhookJobStore {
    final List<List<String>> groups = new ArrayList<>();
    final List<CompletableFuture<List<JobId>>> writes = new ArrayList<>();

    @Override
    public synchronized CompletionStage<List<JobId>> enqueueAll(List<WebhookEvent> payloads) {
      groups.add(payloads.stream().map(WebhookEvent::type).toList());
      CompletableFuture<List<JobId>> write = new CompletableFuture<>();
      writes.add(write);
      return write;
    }

    synchronized void finish(int write) {
      writes.get(write).complete(IntStream.range(0, groups.get(write).size()).mapToObj(JobId::new).toList());
    }

    @Override
    public CompletionStage<Page<SiteEvent>> events(PageRequest page) {
      return CompletableFuture.completedFuture(Page.empty());
    }

    @Override
    public CompletionStage<Integer> pruneEvents(Instant before) {
      return CompletableFuture.completedFuture(0);
    }

    @Override
    public CompletionStage<List<Job<WebhookEvent>>> claimDue(Instant now, int max, Duration lease) {
      return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletionStage<QueueStats> stats(Instant now) {
      return CompletableFuture.completedFuture(new QueueStats(0, 0, 0, Optional.empty()));
    }
  }

  private static Future<Void> send(SiteEvents events, String type) {
    return events.send(SiteEvents.event(type, URI.create("https://remote.example/users/bob"),
        URI.create("https://remote.example/activities/" + type)));
  }

  @Test
  void eventsSentWhileAWriteIsInFlight_areQueuedTogetherInTheNextTransaction() {
    HeldWrites store = new HeldWrites();
    SiteEvents events = new SiteEvents(store);
    Future<Void> first = send(events, "comment.created");
    Future<Void> second = send(events, "like.created");
    Future<Void> third = send(events, "share.created");

    store.finish(0);

    assertThat(first.succeeded()).isTrue();
    assertThat(second.isComplete()).isFalse();
    store.finish(1);
    assertThat(second.succeeded()).isTrue();
    assertThat(third.succeeded()).isTrue();
    assertThat(store.groups).containsExactly(List.of("comment.created"), List.of("like.created", "share.created"));
  }
}

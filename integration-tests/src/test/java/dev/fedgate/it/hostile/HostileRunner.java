package dev.fedgate.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.inbox.Inbox;
import dev.fedgate.gateway.inbox.InboxCounters;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Runs {@link HostileCase}s against a real gateway: sends the raw request, lets the inbox worker process whatever
 * was queued, and asserts the status, the problem {@code reason}, what the simulated peer was asked for, that the
 * never-contacted sinks saw nothing, and (for refusals) that the inbox queue, comments and followers are unchanged.
 */
final class HostileRunner {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String QUEUED = InboxCounters.REQUESTS + "{outcome=\"accepted\",reason=\"queued\"}";
  /** Headers the JDK client writes itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

  private final FedgateExtension fedgate;
  private final Supplier<List<String>> peerFetched;
  private final List<IntSupplier> sinks;
  private final List<String> watched;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * A runner for {@code fedgate}, where {@code peerFetched} lists what the signers' peer served so far,
   * {@code sinks} count requests that must never happen, and {@code watched} are Site API paths whose answers must
   * not change on a refusal.
   */
  HostileRunner(FedgateExtension fedgate, Supplier<List<String>> peerFetched, List<IntSupplier> sinks,
      List<String> watched) {
    this.fedgate = fedgate;
    this.peerFetched = peerFetched;
    this.sinks = sinks;
    this.watched = watched;
  }

  /** What is stored, as seen through the inbox counters, the queue and the Site API. */
  private record Snapshot(long queued, QueueStats queue, List<String> site) {}

  /** The answer to a raw request. */
  record Answer(int status, String contentType, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  void run(HostileCase row) {
    RawRequest request = row.request().get();
    drain();
    Snapshot before = snapshot();
    int fetchedBefore = peerFetched.get().size();
    List<Integer> sinksBefore = sinks.stream().map(IntSupplier::getAsInt).toList();

    Answer answer = send(request);
    drain();

    assertThat(answer.status()).as("%s, %s: status (answer %s)", row.name(), row.tries(), answer.body())
        .isEqualTo(row.status());
    if (row.reason().isEmpty()) {
      assertThat(answer.body()).as("%s: an accepted request has no body", row.name()).isEmpty();
    } else {
      assertThat(answer.contentType()).as(row.name()).startsWith("application/problem+json");
      assertThat(answer.json().getString("reason")).as("%s: reason (%s)", row.name(), answer.body())
          .isEqualTo(row.reason());
    }
    List<String> all = peerFetched.get();
    List<String> fetched = all.subList(fetchedBefore, all.size());
    assertThat(fetched).as("%s: fetched from the peer", row.name()).allMatch(row.mayFetch());
    assertThat(sinks.stream().map(IntSupplier::getAsInt).toList()).as("%s: requests to the sinks", row.name())
        .isEqualTo(sinksBefore);
    Snapshot after = snapshot();
    if (row.effect() == HostileCase.Effect.NONE) {
      assertThat(after).as("%s: nothing stored", row.name()).isEqualTo(before);
    } else if (row.effect() == HostileCase.Effect.SITE_UNCHANGED) {
      assertThat(after.site()).as("%s: no comment or follower changed", row.name()).isEqualTo(before.site());
    }
    row.storedCheck().run();
  }

  /** Sends {@code request} as is (no redirects followed). */
  Answer send(RawRequest request) {
    HttpRequest.BodyPublisher body = request.chunked()
        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
        : HttpRequest.BodyPublishers.ofByteArray(request.body());
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.target()).timeout(TIMEOUT)
        .POST(body);
    for (HttpHeaders.Field field : request.headers().fields()) {
      if (!RESTRICTED.contains(field.name().toLowerCase(Locale.ROOT))) {
        builder.header(field.name(), field.value());
      }
    }
    try {
      HttpResponse<String> response = http.send(builder.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + request.target() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Processes everything queued so far. */
  void drain() {
    try {
      inbox().worker().drain().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the inbox worker did not drain: " + e, e);
    }
  }

  private Snapshot snapshot() {
    SiteApiClient site = fedgate.siteApi();
    try {
      QueueStats queue = fedgate.gateway().storage().inbox().stats(Instant.now()).toCompletableFuture()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new Snapshot(inbox().counters().value(QUEUED),
          new QueueStats(queue.waiting(), queue.inFlight(), queue.dead(), Optional.empty()),
          watched.stream().map(path -> site.get(path).text()).toList());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the store: " + e, e);
    }
  }

  private Inbox inbox() {
    return fedgate.gateway().inbox().orElseThrow();
  }
}

package dev.fedgate.it.bench;

import dev.fedgate.gateway.config.CryptoProvider;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Inbox load: {@code activities} validly signed {@code Create{Note}} replies to one local video, from {@code actors}
 * remote actors of a loopback simulated Mastodon (their keys fetched and cached by one warm-up Like each), all signed
 * before timing, posted to the shared inbox at {@code concurrency}. Reports accepted activities/s, p50/p99 latency,
 * errors, the time until every activity is processed (its comment stored), memory, and the gateway's CPU time per
 * activity as its {@link InboxTarget} measures it: in this JVM, its threads' apart from the generator's and the
 * JVM's own ({@link InJvmTarget}); in a child JVM, the whole process's ({@link ProcessTarget}). {@code rounds} runs
 * that many rounds of fresh activities and prints the median of the second half of them (warm); a soak repeats rounds
 * for a duration and prints memory figures every minute.
 */
final class InboxLoad {
  /**
   * What to run; {@code inProcess}: the gateway in a child JVM rather than in this one, started with
   * {@code cryptoProvider} (in this JVM, {@link LoadBenchmark} installs it).
   */
  record Settings(StorageKind storage, boolean inProcess, CryptoProvider cryptoProvider, int activities,
      int concurrency, int actors, int rounds, Optional<Duration> soak) {}

  /** One timed round's rates and its figures per activity as the target measured them. */
  private record Round<F>(double accepted, double processed, F figures) {}

  /** One request signed before timing. */
  private record Signed(HttpHeaders headers, byte[] body) {}

  /** Longer than the client's idle timeout and the gateway's own storage timeouts. */
  private static final Duration ANSWER_DEADLINE = Duration.ofMinutes(2);
  /** Longer than H2's chunk retention (45 s), so that only chunks with live data are left after it. */
  private static final Duration IDLE_TAIL = Duration.ofSeconds(90);
  /** The generator's bound on a connection from its pool and on each answer, under the deadline above. */
  private static final long REQUEST_TIMEOUT_MS = 60_000;

  private final Settings settings;
  private final PrintStream out;

  InboxLoad(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  void run() throws Exception {
    if (settings.inProcess()) {
      run(ProcessTarget.start(settings.storage(), settings.cryptoProvider()));
    } else {
      run(InJvmTarget.start(settings.storage()));
    }
  }

  private <F> void run(InboxTarget<F> started) throws Exception {
    Vertx vertx = ThreadCpu.generatorVertx();
    try (InboxTarget<F> target = started;
        SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      URI video = URI.create(target.publishVideo("Load"));
      // Ids are built under the gateway's public URL, and so is its shared inbox.
      URI channel = video.resolve("/video-channels/kitchen");
      URI inbox = video.resolve("/inbox");
      List<SimulatedActor> actors = IntStream.range(0, settings.actors()).parallel()
          .mapToObj(i -> mastodon.createActor("load" + i, "Person")).toList();
      warmUp(mastodon, actors, video, inbox);
      // A request with no answer for a minute fails (counted as an error) instead of stalling its lane for good:
      // one 7-minute soak hung with all 32 lanes waiting on the client while the gateway answered other callers.
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(60),
          new PoolOptions().setHttp1MaxSize(settings.concurrency()));
      // Every request is made and read on this one event loop: a chain started from this thread let Vert.x 5.0.7's
      // client read a response's end before body() was asked for, and that body() never completed
      // (eclipse-vertx/vert.x#6038): the stalled soaks, at the start of a round, with every lane waiting.
      Context lanes = vertx.getOrCreateContext();
      Supplier<Round<F>> round = () -> timedRound(lanes, target, client,
          sign(mastodon, actors, video, channel, inbox), inbox);
      if (settings.soak().isPresent()) {
        soak(round, settings.soak().get(), target);
      } else {
        List<Round<F>> rounds = new ArrayList<>();
        for (int i = 0; i < settings.rounds(); i++) {
          rounds.add(round.get());
        }
        if (rounds.size() > 1) {
          printWarmMedian(target, rounds.subList(rounds.size() / 2, rounds.size()));
        }
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** One valid Like per actor, so that every key is fetched and cached before timing. */
  private void warmUp(SimulatedInstance mastodon, List<SimulatedActor> actors, URI video, URI inbox) {
    long refused = actors.parallelStream().filter(actor -> mastodon.post(actor,
        mastodon.profile().like(actor, video), inbox, SignatureScheme.CAVAGE_12).status() != 202).count();
    if (refused > 0) {
      throw new IllegalStateException(refused + " warm-up Likes were refused");
    }
  }

  private List<Signed> sign(SimulatedInstance mastodon, List<SimulatedActor> actors, URI video, URI channel,
      URI inbox) {
    Instant now = Instant.now();
    return IntStream.range(0, settings.activities()).parallel().mapToObj(i -> {
      SimulatedActor actor = actors.get(i % actors.size());
      byte[] body = mastodon.profile().reply(actor, video, channel, "reply " + i + " " + now).encode()
          .getBytes(StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.of("POST", inbox, HttpHeaders.of("Content-Type",
          "application/activity+json", "Accept", "application/activity+json"), body);
      return new Signed(actor.signer(SignatureScheme.CAVAGE_12).sign(request, now).request().headers(), body);
    }).toList();
  }

  private <F> Round<F> timedRound(Context context, InboxTarget<F> target, HttpClient client, List<Signed> requests,
      URI inbox) {
    Vertx vertx = context.owner();
    long[] latencies = new long[requests.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();
    IntFunction<F> measured = target.measure();
    long start = System.nanoTime();
    join(Future.future(all -> context.runOnContext(started -> Future.join(IntStream.range(0, settings.concurrency())
        .mapToObj(lane -> lane(vertx, client, requests, inbox, next, latencies, errors, lost)).toList())
        .<Void>mapEmpty().onComplete(all))));
    long sent = System.nanoTime() - start;
    target.awaitProcessed();
    long processed = System.nanoTime() - start;
    Round<F> round = new Round<>(requests.size() / (sent / 1e9), requests.size() / (processed / 1e9),
        measured.apply(requests.size()));
    out.printf("inbox %s: %d activities, concurrency %d, %d actors: %.0f accepted/s (%.2f s), p50 %.1f ms,"
            + " p99 %.1f ms, errors %d%s; all processed in %.2f s (%.0f/s); %s; load %s%n",
        settings.storage().name().toLowerCase(java.util.Locale.ROOT), requests.size(), settings.concurrency(),
        settings.actors(), round.accepted(), sent / 1e9, Resources.percentileMillis(latencies, 0.5),
        Resources.percentileMillis(latencies, 0.99), errors.get(),
        lost.isEmpty() ? "" : " (never answered: " + lost + ")",
        processed / 1e9, round.processed(), target.summary(round.figures()), LoadBenchmark.loadAverage());
    out.println("  " + target.split(round.figures()));
    return round;
  }

  /** The median of each figure over the warm rounds (the second half: the JIT is still at work in the first). */
  private <F> void printWarmMedian(InboxTarget<F> target, List<Round<F>> warm) {
    out.printf("warm median of %d rounds: %.0f accepted/s, %.0f processed/s; %s%n", warm.size(),
        median(warm, Round::accepted), median(warm, Round::processed),
        target.split(target.median(warm.stream().map(Round::figures).toList())));
  }

  /** The median of {@code figure} over {@code rounds}. */
  static <T> double median(List<T> rounds, ToDoubleFunction<T> figure) {
    return median(rounds.stream().mapToDouble(figure).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Sends the next unsent request whenever the previous one of this lane is answered. A request whose outcome has
   * not come within {@link #ANSWER_DEADLINE} is counted as an error and in {@code lost}, by the step it was at (the
   * client's own timeouts did not end a soak that stalled with every lane waiting), and the lane moves on.
   */
  private Future<Void> lane(Vertx vertx, HttpClient client, List<Signed> requests, URI inbox, AtomicInteger next,
      long[] latencies, AtomicInteger errors, Map<String, AtomicInteger> lost) {
    int index = next.getAndIncrement();
    if (index >= requests.size()) {
      return Future.succeededFuture();
    }
    Signed signed = requests.get(index);
    // A request waiting over a minute for a pooled connection, or idle that long for its answer, fails (an error).
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(inbox.toString())
        .setConnectTimeout(REQUEST_TIMEOUT_MS).setIdleTimeout(REQUEST_TIMEOUT_MS);
    signed.headers().fields().stream().filter(f -> !f.name().equalsIgnoreCase("Host"))
        .forEach(f -> options.addHeader(f.name(), f.value()));
    long begin = System.nanoTime();
    Promise<Void> answered = Promise.promise();
    AtomicReference<String> step = new AtomicReference<>("connection");
    long deadline = vertx.setTimer(ANSWER_DEADLINE.toMillis(), id -> {
      if (answered.tryComplete()) {
        latencies[index] = System.nanoTime() - begin;
        errors.incrementAndGet();
        lost.computeIfAbsent(step.get(), s -> new AtomicInteger()).incrementAndGet();
      }
    });
    client.request(options)
        .compose(request -> {
          step.set("request");
          return request.send(Buffer.buffer(signed.body()));
        })
        .compose(response -> {
          step.set("response body");
          return response.body().map(body -> response.statusCode());
        })
        .onComplete(result -> {
          vertx.cancelTimer(deadline);
          if (!answered.tryComplete()) {
            return;
          }
          latencies[index] = System.nanoTime() - begin;
          if (result.failed() || result.result() != 202) {
            errors.incrementAndGet();
          }
        });
    return answered.future().compose(done -> lane(vertx, client, requests, inbox, next, latencies, errors, lost));
  }

  /** Rounds of fresh activities until {@code duration} is over, with the target's memory figures every minute. */
  private void soak(Supplier<?> round, Duration duration, InboxTarget<?> target) {
    long end = System.nanoTime() + duration.toNanos();
    long nextReport = System.nanoTime();
    int minute = 0;
    while (System.nanoTime() < end) {
      if (System.nanoTime() >= nextReport) {
        out.printf("soak minute %d: %s%n", minute++, target.soakFigures());
        nextReport += TimeUnit.MINUTES.toNanos(1);
      }
      round.get();
    }
    out.printf("soak end after %d min: %s%n", minute, target.soakFigures());
    // Once the load stops, what the store keeps shrinks to its live data: chunks past H2's 45 s retention are
    // dropped or rewritten and the file is compacted; what remains after a minute is what had accumulated.
    try {
      Thread.sleep(IDLE_TAIL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.printf("soak end + %d s idle: %s%n", IDLE_TAIL.toSeconds(), target.soakFigures());
  }

  static void join(Future<Void> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("load round failed: " + e, e);
    }
  }
}

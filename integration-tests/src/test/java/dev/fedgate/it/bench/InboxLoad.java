package dev.fedgate.it.bench;

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
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxThreadFactory;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Inbox load: {@code activities} validly signed {@code Create{Note}} replies to one local video, from {@code actors}
 * remote actors of a loopback simulated Mastodon (their keys fetched and cached by one warm-up Like each), all signed
 * before timing, posted to the shared inbox at {@code concurrency}. Reports accepted activities/s, p50/p99 latency,
 * errors, the time until the worker has stored every comment, heap and RSS, and the CPU time per activity of the
 * gateway's threads apart from the generator's and the JVM's own ({@link ThreadCpu}). {@code rounds} runs that many
 * rounds of fresh activities and prints the median of the second half of them (warm); a soak repeats rounds for
 * a duration and prints the heap after GC every minute.
 */
final class InboxLoad {
  /** What to run. */
  record Settings(StorageKind storage, int activities, int concurrency, int actors, int rounds,
      Optional<Duration> soak) {}

  /** One timed round's rates and CPU time per activity in milliseconds, by spender. */
  private record Round(double accepted, double processed, double gateway, Map<ThreadCpu.Spender, Double> spent) {}

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
    Vertx vertx = generatorVertx();
    try (LoadGateway gateway = LoadGateway.start(settings.storage(), Optional.empty());
        SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon());
        Resources resources = Resources.watch()) {
      URI video = URI.create(gateway.publishVideo("Load"));
      URI channel = gateway.gateway().publicUrl().resolve("/video-channels/kitchen");
      URI inbox = gateway.gateway().publicUrl().resolve("/inbox");
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
      Supplier<Round> round = () -> timedRound(lanes, gateway, client, sign(mastodon, actors, video, channel, inbox),
          inbox, resources);
      if (settings.soak().isPresent()) {
        soak(round, settings.soak().get(), gateway);
      } else {
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < settings.rounds(); i++) {
          rounds.add(round.get());
        }
        if (rounds.size() > 1) {
          printWarmMedian(rounds.subList(rounds.size() / 2, rounds.size()));
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

  /**
   * The generator's own Vert.x, its threads named {@link ThreadCpu#GENERATOR_PREFIX}{@code *} so that their CPU time is
   * told from the gateway's (both would otherwise be {@code vert.x-eventloop-thread-*}). Vert.x 5 takes a thread
   * factory only through its internal bootstrap.
   */
  private static Vertx generatorVertx() {
    VertxThreadFactory named = new VertxThreadFactory() {
      @Override
      public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
          TimeUnit unit) {
        return VertxThreadFactory.super.newVertxThread(target, ThreadCpu.GENERATOR_PREFIX + name, worker,
            maxExecTime, unit);
      }
    };
    return VertxBootstrap.create().options(new VertxOptions()).threadFactory(named).init().vertx();
  }

  private Round timedRound(Context context, LoadGateway gateway, HttpClient client, List<Signed> requests,
      URI inbox,
      Resources resources) {
    Vertx vertx = context.owner();
    long[] latencies = new long[requests.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();
    ThreadCpu.Snapshot cpu = ThreadCpu.take();
    long start = System.nanoTime();
    join(Future.future(all -> context.runOnContext(started -> Future.join(IntStream.range(0, settings.concurrency())
        .mapToObj(lane -> lane(vertx, client, requests, inbox, next, latencies, errors, lost)).toList())
        .<Void>mapEmpty().onComplete(all))));
    long sent = System.nanoTime() - start;
    join(gateway.gateway().inbox().orElseThrow().worker().drain().mapEmpty());
    long processed = System.nanoTime() - start;
    Map<ThreadCpu.Spender, Long> spent = ThreadCpu.between(cpu, ThreadCpu.take());
    long cpuUsed = spent.values().stream().mapToLong(Long::longValue).sum();
    out.printf("inbox %s: %d activities, concurrency %d, %d actors: %.0f accepted/s (%.2f s), p50 %.1f ms,"
            + " p99 %.1f ms, errors %d%s; all processed in %.2f s (%.0f/s); %s; %s; load %s%n",
        settings.storage().name().toLowerCase(java.util.Locale.ROOT), requests.size(), settings.concurrency(),
        settings.actors(), requests.size() / (sent / 1e9), sent / 1e9, Resources.percentileMillis(latencies, 0.5),
        Resources.percentileMillis(latencies, 0.99), errors.get(), lost.isEmpty() ? "" : " (never answered: " + lost + ")",
        processed / 1e9,
        requests.size() / (processed / 1e9), Resources.cpuPer("activity received and processed", cpuUsed,
            requests.size(), 2), resources.report(), LoadBenchmark.loadAverage());
    Round round = new Round(requests.size() / (sent / 1e9), requests.size() / (processed / 1e9),
        ThreadCpu.gateway(spent) / 1e6 / requests.size(), perActivity(spent, requests.size()));
    out.println("  " + split(round));
    return round;
  }

  private static Map<ThreadCpu.Spender, Double> perActivity(Map<ThreadCpu.Spender, Long> spent, int activities) {
    Map<ThreadCpu.Spender, Double> per = new EnumMap<>(ThreadCpu.Spender.class);
    spent.forEach((spender, nanos) -> per.put(spender, nanos / 1e6 / activities));
    return per;
  }

  /** The gateway's CPU per activity, by pool, the rate it allows on two cores, and the rest of the JVM's. */
  private static String split(Round round) {
    StringBuilder pools = new StringBuilder();
    for (ThreadCpu.Spender spender : List.of(ThreadCpu.Spender.EVENT_LOOPS, ThreadCpu.Spender.CPU_POOL,
        ThreadCpu.Spender.STORE, ThreadCpu.Spender.OTHER)) {
      pools.append(pools.length() == 0 ? "" : ", ").append(String.format("%s %.3f", spender.label(),
          round.spent().get(spender)));
    }
    double jvm = round.spent().get(ThreadCpu.Spender.JVM);
    return String.format("gateway threads %.3f ms per activity (%s) ≈ %.0f/s on 2 dedicated cores; with the JVM's"
            + " own %.3f ms (GC, JIT) ≈ %.0f/s; generator %.3f ms", round.gateway(), pools,
        2000 / round.gateway(), jvm, 2000 / (round.gateway() + jvm),
        round.spent().get(ThreadCpu.Spender.GENERATOR));
  }

  /** The median of each figure over the warm rounds (the second half: the JIT is still at work in the first). */
  private void printWarmMedian(List<Round> warm) {
    Map<ThreadCpu.Spender, Double> spent = new EnumMap<>(ThreadCpu.Spender.class);
    for (ThreadCpu.Spender spender : ThreadCpu.Spender.values()) {
      spent.put(spender, median(warm.stream().mapToDouble(r -> r.spent().get(spender)).toArray()));
    }
    Round median = new Round(median(warm.stream().mapToDouble(Round::accepted).toArray()),
        median(warm.stream().mapToDouble(Round::processed).toArray()),
        median(warm.stream().mapToDouble(Round::gateway).toArray()), spent);
    out.printf("warm median of %d rounds: %.0f accepted/s, %.0f processed/s; %s%n", warm.size(), median.accepted(),
        median.processed(), split(median));
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

  /**
   * Rounds of fresh activities until {@code duration} is over; every minute the heap after GC, the RSS, H2's chunk
   * records in the heap ({@code SFChunk}, one per chunk of the embedded file) and the database file's size.
   */
  private void soak(Supplier<Round> round, Duration duration, LoadGateway gateway) {
    long end = System.nanoTime() + duration.toNanos();
    long nextReport = System.nanoTime();
    int minute = 0;
    while (System.nanoTime() < end) {
      if (System.nanoTime() >= nextReport) {
        out.printf("soak minute %d: %s%n", minute++, soakFigures(gateway));
        nextReport += TimeUnit.MINUTES.toNanos(1);
      }
      round.get();
    }
    out.printf("soak end after %d min: %s%n", minute, soakFigures(gateway));
    // Once the load stops, what the store keeps shrinks to its live data: chunks past H2's 45 s retention are
    // dropped or rewritten and the file is compacted; what remains after a minute is what had accumulated.
    try {
      Thread.sleep(IDLE_TAIL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.printf("soak end + %d s idle: %s%n", IDLE_TAIL.toSeconds(), soakFigures(gateway));
  }

  private static String soakFigures(LoadGateway gateway) {
    long chunks = Resources.liveInstances("org.h2.mvstore.SFChunk");
    return String.format("heap after GC %d MiB, RSS %d MiB, H2 chunks %d, database file %d MiB; load %s",
        Resources.mib(Resources.heapAfterGc()), Resources.mib(Resources.status("VmRSS")), chunks,
        Resources.mib(gateway.databaseFileBytes()), LoadBenchmark.loadAverage());
  }

  private static void join(Future<Void> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("load round failed: " + e, e);
    }
  }
}

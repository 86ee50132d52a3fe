package dev.fedgate.gateway.delivery.bench;

import static dev.fedgate.gateway.TestGateway.await;

import dev.fedgate.gateway.delivery.DeliverySettings;
import dev.fedgate.gateway.delivery.DeliveryWorker;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.fetch.OutboundFixture;
import dev.fedgate.gateway.storage.Delivery;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Deliveries per second through the whole worker: claim from the H2 queue, RSA-sign (cavage) on the CPU pool, POST to
 * a loopback inbox that answers 202 without verifying, complete in the store. Run with
 * {@code mvn -q -pl gateway -am -Pgateway-benchmarks process-test-classes -Djmh.args="-f 1 -wi 2 -i 3 -w 2s -r 3s DeliveryBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeliveryBenchmark {
  private static final int BATCH = 200;
  private static final String ACTIVITY = "{\"@context\":\"https://www.w3.org/ns/activitystreams\","
      + "\"id\":\"https://gateway.example/a/1\",\"type\":\"Create\",\"actor\":\"https://gateway.example/accounts/alice\","
      + "\"object\":{\"type\":\"Note\",\"content\":\"" + "x".repeat(1500) + "\"}}";

  private OutboundFixture fixture;
  private HttpServer inbox;
  private DeliveryWorker worker;
  private final AtomicReference<CountDownLatch> batchDone = new AtomicReference<>();
  private List<Delivery> batch;

  /** Starts the store, keys, a worker and one loopback inbox answering 202 (per-host cap = global cap). */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = new OutboundFixture();
    inbox = await(fixture.vertx.createHttpServer()
        .requestHandler(request -> request.body().onComplete(body -> request.response().setStatusCode(202).end()))
        .listen(0, "127.0.0.1").toCompletionStage());
    URI target = URI.create("http://127.0.0.1:" + inbox.actualPort() + "/inbox");
    worker = DeliveryWorker.create(fixture.vertx, fixture.storage, fixture.http(true), fixture.signer,
        fixture.clock, new SecureRandom(), new DeliverySettings(
            new QueueWorker.Settings(DeliverySettings.DEFAULT_MAX_IN_FLIGHT, Duration.ofHours(1),
                DeliverySettings.DEFAULT_LEASE), DeliverySettings.DEFAULT_MAX_IN_FLIGHT,
            DeliverySettings.DEFAULT_DEADLINE, DeliverySettings.DEFAULT.retry(), 7,
            DeliverySettings.DEFAULT.schemes()));
    worker.onCompleted((job, outcome) -> batchDone.get().countDown());
    worker.start();
    batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(new Delivery(target, "alice", URI.create("https://gateway.example/a/" + i),
          Optional.empty(), ACTIVITY));
    }
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    await(worker.stop().toCompletionStage());
    await(inbox.close().toCompletionStage());
    fixture.close();
  }

  /** Queues a batch, nudges, and waits until every job is completed in the store. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void deliverBatch() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(BATCH);
    batchDone.set(done);
    await(fixture.storage.deliveryJobs().enqueueAll(batch));
    worker.nudge();
    if (!done.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("batch not delivered in 60 s");
    }
  }
}

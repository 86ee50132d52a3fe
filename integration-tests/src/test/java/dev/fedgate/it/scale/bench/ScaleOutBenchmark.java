package dev.fedgate.it.scale.bench;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.it.scale.FanOut;
import dev.fedgate.testkit.peers.DeliverySink;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.process.GatewayProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fan-out throughput of whole gateway processes: {@code N} queued deliveries of one {@code Create} to {@code N}
 * distinct inboxes on a verifying loopback sink, on the embedded store with one node, and on PostgreSQL with one and
 * with two nodes. Prints deliveries per second, measured from the first to the last verified delivery. Not a JMH
 * benchmark: each run starts real processes. Run (PostgreSQL from {@code FEDGATE_TEST_PG_URL}):
 *
 * <pre>
 * mvn -q -pl integration-tests -am -Pscale-benchmarks process-test-classes \
 *     -Dscale.args="5000 embedded postgres-1 postgres-2"
 * </pre>
 *
 * Each run is bounded by {@link #WAIT}.
 */
public final class ScaleOutBenchmark {
  private static final Duration WAIT = Duration.ofMinutes(2);

  private ScaleOutBenchmark() {}

  /** {@code args}: the number of deliveries, then the setups to run ({@code embedded}, {@code postgres-<nodes>}). */
  public static void main(String[] args) {
    int deliveries = Integer.parseInt(args[0]);
    for (int i = 1; i < args.length; i++) {
      String setup = args[i];
      double rate = setup.equals("embedded") ? run(deliveries, null, 1)
          : run(deliveries, TestPostgres.freshDatabase("bench"), Integer.parseInt(setup.substring("postgres-".length())));
      System.out.printf("%-12s %6d deliveries: %8.0f deliveries/s%n", setup, deliveries, rate);
    }
    System.exit(0);
  }

  /** One run: nodes started, stopped while the deliveries are queued, started together; the sink's rate. */
  private static double run(int deliveries, PostgresUrl database, int nodes) {
    List<GatewayProcess> running = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      GatewayProcess.Builder node = GatewayProcess.builder().flag("--public-url", FanOut.PUBLIC_URL.toString())
          .flag("--allow-private-addresses", "true");
      if (database != null) {
        node.flag("--storage", "postgres").flag("--pg-url", database.toConnectionUri());
      }
      running.add(node.start());
    }
    GatewayProcess first = running.get(0);
    FanOut.createChannel(first.baseUrl(), first.apiToken());
    try (DeliverySink sink = FanOut.sink(FanOut.channelKey(first.baseUrl()))) {
      running.forEach(GatewayProcess::stop);
      StorageSettings.Builder settings = database == null
          ? StorageSettings.builder().dataDirectory(first.dataDirectory())
          : StorageSettings.builder().url(database.toConnectionUri());
      FanOut.withStore(database == null ? "embedded" : "postgres", settings.build(),
          storage -> FanOut.queueDeliveries(storage, sink, deliveries));
      List<CompletableFuture<GatewayProcess>> restarting = running.stream()
          .map(node -> CompletableFuture.supplyAsync(node::restart)).toList();
      List<GatewayProcess> restarted = restarting.stream().map(CompletableFuture::join).toList();
      try {
        if (!sink.awaitPaths(deliveries, WAIT)) {
          throw new IllegalStateException("only " + sink.verifiedByPath().size() + " of " + deliveries
              + " delivered within " + WAIT);
        }
        return deliveries / (sink.span().toNanos() / 1e9);
      } finally {
        restarted.forEach(GatewayProcess::close);
        running.forEach(GatewayProcess::close);
      }
    }
  }
}

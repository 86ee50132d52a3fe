package dev.fedgate.it.bench;

import dev.fedgate.gateway.config.CryptoProvider;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.it.scale.FanOut;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.process.GatewayProcess;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Fan-out load: the channel has {@code followers} followers spread over {@code hosts} host names that all resolve to
 * one loopback {@link VerifyingSink} (each host its own name, so the per-host cap applies as with real peers); with
 * {@code shared} they share one inbox per host. One video is published through the Site API and timed until the
 * sink has verified every delivery; {@code rounds} publishes that many videos one after the other, so that the later
 * ones show the gateway warm (its JIT done, its hosts known). The raw RSA-2048 signing rate of this machine is
 * measured in the same run (two threads, the CPU pool's size on two cores) for the ratio. The gateway runs in this
 * JVM (its threads' CPU told apart from the sink's) or, with {@code inProcess}, in a child JVM measured as a whole.
 */
final class FanoutLoad {
  /**
   * What to run; {@code inProcess}: the gateway in a child JVM, signing with {@code cryptoProvider} (in this JVM,
   * {@link LoadBenchmark} installs it).
   */
  record Settings(int followers, int hosts, boolean shared, int rounds, boolean inProcess,
      CryptoProvider cryptoProvider) {}

  private static final String SINK_DOMAIN = ".sink.test";
  private static final int SIGNING_SECONDS = 5;
  /**
   * Raw signing sampled after each process-mode round: the machine's speed drifts within a run (its CPU time per
   * signature varied 0.66 to 0.87 ms between runs of one hour), and a delivery's cost in raw signatures of its own
   * round does not.
   */
  private static final int ROUND_SIGNING_SECONDS = 1;

  private final Settings settings;
  private final PrintStream out;

  FanoutLoad(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  void run() throws Exception {
    if (settings.inProcess()) {
      runInProcess();
      return;
    }
    HostResolver loopback = host -> host.endsWith(SINK_DOMAIN)
        ? Future.succeededFuture(List.of(InetAddress.getLoopbackAddress()))
        : Future.failedFuture(new IllegalArgumentException("not a sink host: " + host));
    try (VerifyingSink sink = VerifyingSink.start();
        LoadGateway gateway = LoadGateway.start(StorageKind.EMBEDDED, Optional.of(loopback));
        Resources resources = Resources.watch()) {
      addFollowers(gateway.gateway().storage().follows(), sink.port());
      int expected = settings.shared() ? settings.hosts() : settings.followers();
      List<Round> rounds = new ArrayList<>();
      for (int round = 1; round <= settings.rounds(); round++) {
        rounds.add(round(gateway, sink, expected, "Fan-out " + round, resources));
      }
      Signing signing = rawSigning(PrivateKeyMaterial.generateRsa(2048), SIGNING_SECONDS);
      for (int round = 0; round < rounds.size(); round++) {
        Round done = rounds.get(round);
        double rate = expected / done.seconds();
        out.printf("fan-out round %d: %d followers on %d hosts%s: %d deliveries in %.2f s = %.0f/s, %d verified,"
                + " %d rejected; raw RSA-2048 signing %.0f/s (ratio %.2f), CPU %.2f ms per raw signature; %s; %s;"
                + " load %s%n  %s%n",
            round + 1, settings.followers(), settings.hosts(),
            settings.shared() ? " (shared inboxes)" : " (personal inboxes)", expected, done.seconds(), rate,
            done.verified(), done.rejected(), signing.perSecond(), rate / signing.perSecond(), signing.cpuMillis(),
            Resources.cpuPer("delivery signed, sent and verified", done.cpu(), expected, 2), done.resources(),
            done.load(), split(done.spent(), expected, signing));
      }
    }
  }

  /**
   * The gateway in a child JVM, measured from outside as {@code inbox --gateway process} is: its whole CPU (GC and
   * JIT included, nothing of the sink's) per delivery, and this JVM's over the round, which is the sink's verifying
   * every delivery: the two together are what the two cores did for each delivery. It resolves the sink's host names
   * from a hosts file ({@code jdk.net.hosts.file}); its followers are written into its store while it is stopped.
   */
  private void runInProcess() throws Exception {
    Path hostsFile = Files.createTempFile("fedgate-fanout", ".hosts");
    try (VerifyingSink sink = VerifyingSink.start();
        GatewayProcess gateway = startProcess(hostsFile, sink.port())) {
      SiteApiClient site = new SiteApiClient(gateway.baseUrl(), gateway.apiToken());
      int expected = settings.shared() ? settings.hosts() : settings.followers();
      List<ProcessRound> rounds = new ArrayList<>();
      PrivateKeyMaterial key = PrivateKeyMaterial.generateRsa(2048);
      for (int round = 1; round <= settings.rounds(); round++) {
        CompletableFuture<Void> delivered = sink.expect(expected);
        ProcessCpu before = ProcessCpu.take(gateway.pid());
        ProcessCpu sinkBefore = ProcessCpu.take(ProcessHandle.current().pid());
        long start = System.nanoTime();
        LoadGateway.publishVideo(site, "Fan-out " + round);
        delivered.get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessTarget.Cpu sinkCpu = ProcessTarget.Cpu.perActivity(
            ProcessCpu.take(ProcessHandle.current().pid()).since(sinkBefore), expected);
        // The gateway's CPU is read after the sample, so the round keeps the work it left for H2 to finish.
        Signing sample = rawSigning(key, ROUND_SIGNING_SECONDS);
        rounds.add(new ProcessRound(seconds, ProcessTarget.Cpu.perActivity(
            ProcessCpu.take(gateway.pid()).since(before), expected), sink.verified(), sink.rejected(),
            Resources.mib(Resources.status(gateway.pid(), "VmRSS")), LoadBenchmark.loadAverage(), sample,
            sinkCpu.total()));
      }
      gateway.stop(); // cleanly, as an operator would: its recordings and logs are complete
      Signing signing = rawSigning(key, SIGNING_SECONDS);
      for (int round = 0; round < rounds.size(); round++) {
        ProcessRound done = rounds.get(round);
        out.printf("fan-out round %d, gateway process: %d followers on %d hosts%s: %d deliveries in %.2f s = %.0f/s,"
                + " %d verified, %d rejected; gateway process %.3f ms per delivery (JIT %.3f, GC %.3f) ≈ %.0f/s on 2"
                + " dedicated cores (%.2f × raw signing by CPU); raw signature after the round %.3f ms CPU, a delivery"
                + " = %.2f raw signatures; sink (this JVM) %.3f ms per delivery, with the gateway's %.3f ms ≈ %.0f/s"
                + " on 2 cores; RSS %d MiB; raw RSA-2048 signing %.0f/s, CPU %.2f ms per raw signature; load %s%n",
            round + 1, settings.followers(), settings.hosts(), settings.shared() ? " (shared inboxes)" : "",
            expected, done.seconds(), expected / done.seconds(), done.verified(), done.rejected(), done.cpu().total(),
            done.cpu().jit(), done.cpu().gc(), 2000 / done.cpu().total(), signing.cpuMillis() / done.cpu().total(),
            done.signing().cpuMillis(), done.cpu().total() / done.signing().cpuMillis(), done.sinkCpu(),
            done.cpu().total() + done.sinkCpu(), 2000 / (done.cpu().total() + done.sinkCpu()), done.rss(),
            signing.perSecond(), signing.cpuMillis(), done.load());
      }
    } finally {
      Files.deleteIfExists(hostsFile);
    }
  }

  /**
   * One round of the gateway process: its time, its CPU per delivery, the sink's counts, its RSS, the load, the raw
   * signing sampled after it, and this JVM's CPU per delivery (the sink's, in milliseconds).
   */
  private record ProcessRound(double seconds, ProcessTarget.Cpu cpu, int verified, int rejected, long rss,
      String load, Signing signing, double sinkCpu) {}

  /** A gateway process with the channel and its followers, every sink host name resolving to loopback. */
  private GatewayProcess startProcess(Path hostsFile, int sinkPort) throws IOException {
    List<String> hosts = new ArrayList<>(List.of("127.0.0.1 localhost"));
    IntStream.range(0, settings.hosts()).forEach(i -> hosts.add("127.0.0.1 h" + i + SINK_DOMAIN));
    Files.write(hostsFile, hosts);
    GatewayProcess gateway = ProcessTarget.gatewayProcess(settings.cryptoProvider(),
        List.of("-Djdk.net.hosts.file=" + hostsFile)).start();
    try {
      FanOut.createChannel(gateway.baseUrl(), gateway.apiToken());
      if (gateway.stop() != 0) {
        throw new IllegalStateException("the gateway did not stop cleanly; log " + gateway.log());
      }
      FanOut.withStore(StorageKind.EMBEDDED.configName(),
          StorageSettings.builder().dataDirectory(gateway.dataDirectory()).build(), storage -> {
            try {
              addFollowers(storage.follows(), sinkPort);
            } catch (Exception e) {
              throw new IllegalStateException("cannot store the followers", e);
            }
          });
      GatewayProcess restarted = gateway.restart();
      gateway.close(); // its log; the data directory is the restarted process's now
      return restarted;
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  /**
   * One video delivered to every follower: its time, the CPU it took (the whole JVM's and by spender), the sink's
   * counts, and the memory and load figures at its end.
   */
  private record Round(double seconds, long cpu, Map<ThreadCpu.Spender, Long> spent, int verified, int rejected,
      String resources, String load) {}

  private static Round round(LoadGateway gateway, VerifyingSink sink, int expected, String name, Resources resources)
      throws Exception {
    CompletableFuture<Void> delivered = sink.expect(expected);
    long cpu = Resources.cpuNanos();
    ThreadCpu.Snapshot threads = ThreadCpu.take();
    long start = System.nanoTime();
    gateway.publishVideo(name);
    delivered.get(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuUsed = Resources.cpuNanos() - cpu;
    return new Round(seconds, cpuUsed, ThreadCpu.between(threads, ThreadCpu.take()), sink.verified(), sink.rejected(),
        resources.report(), LoadBenchmark.loadAverage());
  }

  /**
   * The gateway's threads' CPU per delivery by pool, the rate that allows on two cores and its ratio to raw signing;
   * then the sink's share (its server and verification) and the JVM's own (GC, JIT), which a real fan-out's gateway
   * would not carry or would carry apart.
   */
  private static String split(Map<ThreadCpu.Spender, Long> spent, int deliveries, Signing signing) {
    StringBuilder pools = new StringBuilder();
    for (ThreadCpu.Spender spender : List.of(ThreadCpu.Spender.EVENT_LOOPS, ThreadCpu.Spender.CPU_POOL,
        ThreadCpu.Spender.STORE, ThreadCpu.Spender.OTHER)) {
      pools.append(pools.length() == 0 ? "" : ", ")
          .append(String.format("%s %.3f", spender.label(), spent.get(spender) / 1e6 / deliveries));
    }
    double gateway = ThreadCpu.gateway(spent) / 1e6 / deliveries;
    return String.format("gateway threads %.3f ms per delivery (%s) ≈ %.0f/s on 2 dedicated cores (%.2f × raw signing"
            + " by CPU); sink %.3f ms; JVM's own (GC, JIT) %.3f ms", gateway, pools, 2000 / gateway,
        signing.cpuMillis() / gateway, spent.get(ThreadCpu.Spender.GENERATOR) / 1e6 / deliveries,
        spent.get(ThreadCpu.Spender.JVM) / 1e6 / deliveries);
  }

  private void addFollowers(FollowStore follows, int port) throws Exception {
    List<CompletableFuture<UpsertResult>> stored = IntStream.range(0, settings.followers()).mapToObj(i -> {
      String host = "http://h" + (i % settings.hosts()) + SINK_DOMAIN + ":" + port;
      URI follower = URI.create(host + "/users/u" + i);
      Optional<URI> shared = settings.shared() ? Optional.of(URI.create(host + "/inbox")) : Optional.empty();
      return follows.upsert(new Follow("kitchen", follower, URI.create(follower + "/inbox"), shared,
          FollowState.ACCEPTED, URI.create(follower + "#follow"))).toCompletableFuture();
    }).toList();
    CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  /** Raw signing in this run: signatures per wall-clock second, and CPU milliseconds per signature. */
  private record Signing(double perSecond, double cpuMillis) {}

  /** RSA-2048 PKCS#1 v1.5 SHA-256 signatures by {@code key} over a signing-string-sized input, on two threads. */
  private static Signing rawSigning(PrivateKeyMaterial key, int seconds) throws Exception {
    byte[] data = "(request-target): post /users/u1/inbox\nhost: h1.sink.test\ndate: Wed, 25 Nov 2026 07:00:00 GMT\n"
        .repeat(2).getBytes(StandardCharsets.UTF_8);
    AtomicLong count = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = IntStream.range(0, 2).mapToObj(i -> new Thread(() -> {
      while (System.nanoTime() < end) {
        key.sign(SignatureAlgorithm.RSA_V1_5_SHA256, data);
        count.incrementAndGet();
      }
      cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    })).toList();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    return new Signing(count.get() / (double) seconds, cpu.get() / 1e6 / count.get());
  }
}

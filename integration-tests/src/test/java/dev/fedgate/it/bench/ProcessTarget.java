package dev.fedgate.it.bench;

import dev.fedgate.gateway.config.CryptoProvider;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.gateway.inbox.InboxCounters;
import dev.fedgate.it.scale.FanOut;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.process.GatewayProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The gateway in a child JVM ({@link GatewayProcess}, {@code -Xmx256m}, private addresses allowed: the simulated
 * peers whose keys it fetches are on loopback), measured from outside: the process's CPU time from the operating
 * system, every thread's and nothing of the load generator's ({@link ProcessCpu}), its resident set from {@code
 * /proc/<pid>/status} (its heap is not measured), and its JIT's work from the lines {@code -XX:+PrintCompilation}
 * writes to its log ({@link CompilationLog}). Linux only.
 *
 * <p>Besides the round itself, each round reports the process's CPU since the previous round ended: the gateway is
 * not idle while the generator signs the next round (H2's file upkeep and the JIT work on), and what it does then is
 * not in the round's figure.
 */
final class ProcessTarget implements InboxTarget<ProcessTarget.Figures> {
  /** CPU per activity in milliseconds: the gateway process's in all, and its JIT compiler and GC threads' part. */
  record Cpu(double total, double jit, double gc) {
    static Cpu perActivity(ProcessCpu used, int activities) {
      return new Cpu(used.total() / 1e6 / activities, used.jit() / 1e6 / activities, used.gc() / 1e6 / activities);
    }

    static Cpu median(List<Cpu> values) {
      return new Cpu(InboxLoad.median(values, Cpu::total), InboxLoad.median(values, Cpu::jit),
          InboxLoad.median(values, Cpu::gc));
    }

    @Override
    public String toString() {
      return String.format("%.3f ms per activity (JIT %.3f, GC %.3f) ≈ %.0f/s on 2 dedicated cores", total, jit, gc,
          2000 / total);
    }
  }

  /**
   * A round's figures: the gateway's CPU per activity in the round, and since the previous round ended; this JVM's
   * (the generator's) in the round; the gateway's RSS in MiB at the end; and since the previous round ended, the
   * methods its JIT compiled, those by C2, and the C2-compiled ones it dropped (deoptimized).
   */
  record Figures(Cpu round, Cpu cycle, double generator, double rss, double compiled, double c2Compiled,
      double c2Dropped) {}

  /**
   * How often processing is checked once every request is answered. Each check is a scrape of the gateway's counters
   * (served from memory, counted in its CPU), so not a busy loop; a round takes about a second to process.
   */
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration PROCESSING_DEADLINE = Duration.ofMinutes(10);

  private final GatewayProcess process;
  private final SiteApiClient site;
  private final CompilationLog compilations;
  private ProcessCpu previousEnd;

  private ProcessTarget(GatewayProcess process) {
    this.process = process;
    this.site = new SiteApiClient(process.baseUrl(), process.apiToken());
    this.compilations = new CompilationLog(process.log());
    this.previousEnd = ProcessCpu.take(process.pid());
  }

  /**
   * Starts a gateway process on {@code storage}, signing with {@code cryptoProvider}, with account {@code chef} and
   * channel {@code kitchen}.
   */
  static ProcessTarget start(StorageKind storage, CryptoProvider cryptoProvider) {
    GatewayProcess.Builder builder = gatewayProcess(cryptoProvider, List.of("-XX:+PrintCompilation"));
    if (storage == StorageKind.POSTGRES) {
      builder.flag("--storage", "postgres")
          .flag("--pg-url", TestPostgres.freshDatabase("gateway").toConnectionUri());
    }
    GatewayProcess process = builder.start();
    try {
      FanOut.createChannel(process.baseUrl(), process.apiToken());
      return new ProcessTarget(process);
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
  }

  /**
   * A gateway process as the load benchmarks start it: {@code -Xmx256m}, {@code javaOptions}, then the options in the
   * system property {@code load.gatewayJava}; private addresses allowed, RSA signed by {@code cryptoProvider}.
   */
  static GatewayProcess.Builder gatewayProcess(CryptoProvider cryptoProvider, List<String> javaOptions) {
    List<String> options = new ArrayList<>(List.of("-Xmx256m"));
    options.addAll(javaOptions);
    String extra = System.getProperty("load.gatewayJava", "").strip();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    return GatewayProcess.builder().javaOptions(options.toArray(String[]::new))
        .flag("--allow-private-addresses", "true").flag("--crypto-provider", cryptoProvider.configName());
  }

  @Override
  public String publishVideo(String name) {
    return LoadGateway.publishVideo(site, name);
  }

  @Override
  public IntFunction<Figures> measure() {
    ProcessCpu start = ProcessCpu.take(process.pid());
    long generatorStart = Resources.cpuNanos();
    return activities -> {
      ProcessCpu end = ProcessCpu.take(process.pid());
      double generator = (Resources.cpuNanos() - generatorStart) / 1e6 / activities;
      CompilationLog.Counts jit = compilations.next();
      Figures figures = new Figures(Cpu.perActivity(end.since(start), activities),
          Cpu.perActivity(end.since(previousEnd), activities), generator,
          Resources.mib(Resources.status(process.pid(), "VmRSS")), jit.compiled(), jit.c2Compiled(), jit.c2Dropped());
      previousEnd = end;
      return figures;
    };
  }

  /**
   * Polls the gateway's inbox counters (its in-memory series only, so a check reads nothing from the store) until every
   * activity queued at its accept has left its handler: handled, unhandled or dropped. A retried one would keep this
   * waiting until the deadline; the load sends none that fail.
   */
  @Override
  public void awaitProcessed() {
    long deadline = System.nanoTime() + PROCESSING_DEADLINE.toNanos();
    while (unprocessed() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the inbox was not processed within " + PROCESSING_DEADLINE);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the inbox", e);
      }
    }
  }

  private long unprocessed() {
    String counters = FanOut.metrics(process.baseUrl(), "process");
    long processed = 0;
    for (String outcome : List.of("handled", "unhandled", "dropped")) {
      processed += FanOut.value(counters, InboxCounters.PROCESSED + "{outcome=\"" + outcome + "\"}");
    }
    return FanOut.value(counters, InboxCounters.REQUESTS + "{outcome=\"accepted\",reason=\"queued\"}") - processed;
  }


  @Override
  public String summary(Figures figures) {
    return String.format("gateway process RSS %.0f MiB", figures.rss());
  }

  @Override
  public String split(Figures figures) {
    return String.format("gateway process, all its threads: in the round %s; since the previous round ended (the"
            + " idle time while the generator signed included) %s; its JIT since then: %.0f compiled (%.0f by C2),"
            + " %.0f C2-compiled dropped; generator JVM %.3f ms", figures.round(), figures.cycle(), figures.compiled(),
        figures.c2Compiled(), figures.c2Dropped(), figures.generator());
  }

  @Override
  public Figures median(List<Figures> rounds) {
    return new Figures(Cpu.median(rounds.stream().map(Figures::round).toList()),
        Cpu.median(rounds.stream().map(Figures::cycle).toList()), InboxLoad.median(rounds, Figures::generator),
        InboxLoad.median(rounds, Figures::rss), InboxLoad.median(rounds, Figures::compiled),
        InboxLoad.median(rounds, Figures::c2Compiled), InboxLoad.median(rounds, Figures::c2Dropped));
  }

  @Override
  public String soakFigures() {
    return String.format("gateway process RSS %d MiB, database file %d MiB; load %s",
        Resources.mib(Resources.status(process.pid(), "VmRSS")),
        Resources.mib(Resources.databaseFileBytes(process.dataDirectory())), LoadBenchmark.loadAverage());
  }

  /** Stops the process (SIGTERM, SIGKILL if it does not exit) and deletes its data directory and log. */
  @Override
  public void close() {
    try {
      process.stop();
    } finally {
      process.close();
    }
  }
}

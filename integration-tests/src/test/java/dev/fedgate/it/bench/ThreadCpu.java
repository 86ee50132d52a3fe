package dev.fedgate.it.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxThreadFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * CPU time split by who spent it, from {@link ThreadMXBean}'s per-thread CPU time: the load generator's threads
 * (named {@code load-generator-*}, see {@link #GENERATOR_PREFIX}: the inbox load's client, the fan-out's sink; plus the
 * benchmark's own threads), the gateway's
 * threads by pool, and what the JVM spent outside any Java thread (garbage collection, JIT compilation, and threads
 * that ended between two snapshots): the process's CPU time minus the sum of its threads'.
 *
 * <p>The gateway's pools do not follow the accept/processing divide (the store's threads run the accept commits and
 * the worker's statements and callbacks alike), so the split is by pool, not by side.
 */
final class ThreadCpu {
  /** Names the load generator's threads start with. */
  static final String GENERATOR_PREFIX = "load-generator-";

  /** Who spent the CPU time. */
  enum Spender {
    /** Vert.x event loops of the gateway: HTTP, the accept pipeline's JSON and vocab steps, callbacks. */
    EVENT_LOOPS("event loops"),
    /** The gateway's CPU pool: RSA verification, HTML sanitising. */
    CPU_POOL("CPU pool"),
    /** The embedded store's JDBC threads: every statement and commit, and the callbacks run on completion. */
    STORE("store threads"),
    /** Every other gateway thread (Vert.x workers, timers). */
    OTHER("other"),
    /** The load generator (HTTP client) and the benchmark's own threads. */
    GENERATOR("generator"),
    /** Garbage collection, JIT compilation and threads gone before the second snapshot. */
    JVM("JVM (GC, JIT)");

    private final String label;

    Spender(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** CPU time per thread and of the whole process at one moment. */
  record Snapshot(long process, Map<Long, Long> threads) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Set<String> HARNESS_THREADS = Set.of("main", "heap-sampler");

  private ThreadCpu() {}

  /**
   * A Vert.x for the load's own side (the generator's client, the fan-out's sink), its threads named
   * {@link #GENERATOR_PREFIX}{@code *} so that their CPU time is told from the gateway's (both would otherwise be
   * {@code vert.x-eventloop-thread-*}). Vert.x 5 takes a thread factory only through its internal bootstrap.
   */
  static Vertx generatorVertx() {
    VertxThreadFactory named = new VertxThreadFactory() {
      @Override
      public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
          TimeUnit unit) {
        return VertxThreadFactory.super.newVertxThread(target, GENERATOR_PREFIX + name, worker, maxExecTime, unit);
      }
    };
    return VertxBootstrap.create().options(new VertxOptions()).threadFactory(named).init().vertx();
  }

  /** CPU time so far, per live thread and for the process. */
  static Snapshot take() {
    long[] ids = THREADS.getAllThreadIds();
    Map<Long, Long> threads = new HashMap<>();
    for (long id : ids) {
      long cpu = THREADS.getThreadCpuTime(id);
      if (cpu >= 0) {
        threads.put(id, cpu);
      }
    }
    return new Snapshot(Resources.cpuNanos(), threads);
  }

  /** CPU time spent between {@code before} and {@code after}, per spender. */
  static Map<Spender, Long> between(Snapshot before, Snapshot after) {
    Map<Spender, Long> spent = new EnumMap<>(Spender.class);
    for (Spender spender : Spender.values()) {
      spent.put(spender, 0L);
    }
    long threadsTotal = 0;
    for (Map.Entry<Long, Long> thread : after.threads().entrySet()) {
      long used = thread.getValue() - before.threads().getOrDefault(thread.getKey(), 0L);
      ThreadInfo info = THREADS.getThreadInfo(thread.getKey());
      Spender spender = info == null ? Spender.JVM : spender(info.getThreadName());
      spent.merge(spender, used, Long::sum);
      threadsTotal += used;
    }
    spent.merge(Spender.JVM, after.process() - before.process() - threadsTotal, Long::sum);
    return spent;
  }

  /** The gateway's part: every spender but the generator and the JVM's own work. */
  static long gateway(Map<Spender, Long> spent) {
    return spent.entrySet().stream()
        .filter(e -> e.getKey() != Spender.GENERATOR && e.getKey() != Spender.JVM)
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static Spender spender(String name) {
    if (name.startsWith(GENERATOR_PREFIX) || HARNESS_THREADS.contains(name)) {
      return Spender.GENERATOR;
    }
    if (name.startsWith("vert.x-eventloop-thread-")) {
      return Spender.EVENT_LOOPS;
    }
    if (name.startsWith("fedgate-cpu-")) {
      return Spender.CPU_POOL;
    }
    if (name.startsWith("fedgate-h2-")) {
      return Spender.STORE;
    }
    return Spender.OTHER;
  }
}

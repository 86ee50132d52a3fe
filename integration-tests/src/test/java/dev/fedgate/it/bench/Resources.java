package dev.fedgate.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * This JVM's memory while a load runs: the peak heap in use (sampled every 50 ms), the heap after a full GC, and the
 * resident set (now and its high-water mark) from {@code /proc/self/status}. The load generator and the sinks share
 * the JVM with the gateway, so these are upper bounds for the gateway alone. The resident set of another process
 * (a gateway in a child JVM) and the size of a gateway's database file are read here too.
 */
final class Resources implements AutoCloseable {
  private final AtomicLong peakHeap = new AtomicLong();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "heap-sampler");
    thread.setDaemon(true);
    return thread;
  });

  private Resources() {
    sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(heapUsed(), Math::max), 0, 50,
        TimeUnit.MILLISECONDS);
  }

  /** Starts sampling. */
  static Resources watch() {
    return new Resources();
  }

  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * CPU time this JVM has used so far, all threads: on a machine shared with other work, CPU per operation says more
   * than wall-clock rates.
   */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Per-operation CPU and the rate it would allow on {@code cores} cores of our own. */
  static String cpuPer(String operation, long cpuNanos, int operations, int cores) {
    return cpuPer(operation, cpuNanos / 1e6 / operations, cores);
  }

  /** {@code millis} of CPU per operation and the rate it would allow on {@code cores} cores of our own. */
  static String cpuPer(String operation, double millis, int cores) {
    return String.format("CPU %.2f ms per %s (≈ %.0f/s on %d dedicated cores)", millis, operation,
        cores * 1000 / millis, cores);
  }

  /** The heap in use right after a full collection. */
  static long heapAfterGc() {
    System.gc();
    return heapUsed();
  }

  /**
   * Live instances of the class named {@code className}, from the JVM's class histogram (which runs a full GC
   * first), as {@code jcmd <pid> GC.class_histogram} prints it; 0 when there are none.
   */
  static long liveInstances(String className) {
    try {
      String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return histogram.lines().map(line -> line.trim().split("\\s+"))
          .filter(fields -> fields.length >= 4 && fields[3].equals(className))
          .mapToLong(fields -> Long.parseLong(fields[1])).sum();
    } catch (JMException e) {
      throw new IllegalStateException("no class histogram: " + e, e);
    }
  }

  /** {@code VmRSS} or {@code VmHWM} of this JVM, in bytes (0 where there is no /proc). */
  static long status(String field) {
    return status(ProcessHandle.current().pid(), field);
  }

  /** {@code VmRSS} or {@code VmHWM} from {@code /proc/<pid>/status}, in bytes (0 where there is no /proc). */
  static long status(long pid, String field) {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    try {
      return Files.readAllLines(status).stream().filter(line -> line.startsWith(field + ":"))
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded database file's size in bytes (0 for PostgreSQL, whose data is not in this directory). */
  static long databaseFileBytes(Path dataDirectory) {
    try (Stream<Path> files = Files.list(dataDirectory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".mv.db"))
          .mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line: peak heap, heap after GC, max heap, RSS and its peak, in MiB. */
  String report() {
    return String.format("heap peak %d MiB, after GC %d MiB, max %d MiB; RSS %d MiB, peak RSS %d MiB",
        mib(peakHeap.get()), mib(heapAfterGc()), mib(Runtime.getRuntime().maxMemory()), mib(status("VmRSS")),
        mib(status("VmHWM")));
  }

  /** The {@code q} quantile (0..1) of {@code nanos}, in milliseconds. */
  static double percentileMillis(long[] nanos, double q) {
    if (nanos.length == 0) {
      return 0;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}

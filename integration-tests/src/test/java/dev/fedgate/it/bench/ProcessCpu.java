package dev.fedgate.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time a process has used so far, from Linux's {@code /proc/<pid>/stat} (user and system time, every thread,
 * ended ones included), and the part of it its live JIT compiler threads and garbage collector threads used, from
 * {@code /proc/<pid>/task/<tid>/stat}, told by HotSpot's thread names. In nanoseconds, counted in the kernel's
 * 10 ms ticks.
 */
record ProcessCpu(long total, long jit, long gc) {
  /** The kernel's clock tick ({@code USER_HZ}), 100 on every architecture Linux runs this benchmark on. */
  private static final long NANOS_PER_TICK = 10_000_000;

  /** The process {@code pid}'s CPU time now. */
  static ProcessCpu take(long pid) {
    Path process = Path.of("/proc", String.valueOf(pid));
    long jit = 0;
    long gc = 0;
    try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
      for (Path task : tasks.toList()) {
        String stat = read(task.resolve("stat"));
        String name = stat.isEmpty() ? "" : stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          jit += ticks(stat);
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
          gc += ticks(stat);
        }
      }
      long total = ticks(read(process.resolve("stat")));
      return new ProcessCpu(total * NANOS_PER_TICK, jit * NANOS_PER_TICK, gc * NANOS_PER_TICK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CPU time used between {@code earlier} and this. */
  ProcessCpu since(ProcessCpu earlier) {
    return new ProcessCpu(total - earlier.total, jit - earlier.jit, gc - earlier.gc);
  }

  /** {@code utime} plus {@code stime}: the 14th and 15th fields, counted after the name, which may hold spaces. */
  private static long ticks(String stat) {
    List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
  }

  /** The file's text; empty for a thread that ended since the directory was listed. */
  private static String read(Path stat) throws IOException {
    try {
      return Files.readString(stat);
    } catch (NoSuchFileException ended) {
      return "";
    }
  }
}

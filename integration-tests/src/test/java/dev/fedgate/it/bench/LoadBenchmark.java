package dev.fedgate.it.bench;

import dev.fedgate.gateway.config.CryptoProvider;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.gateway.keys.CryptoProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole-gateway load benchmarks of issue 8, run by the {@code load-benchmarks} profile (never by {@code verify}):
 * <pre>
 * inbox  [--gateway in-jvm|process] [--storage embedded|postgres] [--activities N] [--concurrency C] [--actors A]
 *        [--rounds R] [--duration 10m]
 * fanout [--gateway in-jvm|process] [--followers F] [--hosts H] [--shared true|false] [--rounds R]
 * </pre>
 * {@code --gateway process} runs the gateway in a child JVM and measures that process's CPU as a whole, its GC and
 * JIT included, instead of starting it in this JVM, where the load generator (or the sink) shares the JIT (and its
 * type profiles) and the collector with it.
 * Each also takes {@code --crypto-provider auto|conscrypt|jdk} (default {@code auto}, as the gateway process): who
 * signs and verifies RSA, in this JVM and in a gateway process.
 * Figures and commands are in {@code docs/benchmarks.md}, section Load.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  /** Runs one benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args.length % 2 == 0) {
      System.err.println("usage: inbox|fanout [--option value]...");
      System.exit(2);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    CryptoProvider cryptoProvider =
        CryptoProvider.valueOf(options.getOrDefault("--crypto-provider", "auto").toUpperCase(Locale.ROOT));
    System.out.println("RSA signatures in this JVM by " + CryptoProviders.install(cryptoProvider));
    if (args[0].equals("inbox")) {
      new InboxLoad(new InboxLoad.Settings(
          StorageKind.valueOf(options.getOrDefault("--storage", "embedded").toUpperCase(Locale.ROOT)),
          inProcess(options.getOrDefault("--gateway", "in-jvm")), cryptoProvider,
          integer(options, "--activities", 20_000), integer(options, "--concurrency", 64),
          integer(options, "--actors", 100), integer(options, "--rounds", 1),
          Optional.ofNullable(options.get("--duration")).map(LoadBenchmark::duration)), System.out).run();
    } else if (args[0].equals("fanout")) {
      new FanoutLoad(new FanoutLoad.Settings(integer(options, "--followers", 10_000),
          integer(options, "--hosts", 1_000), Boolean.parseBoolean(options.getOrDefault("--shared", "false")),
          integer(options, "--rounds", 1), inProcess(options.getOrDefault("--gateway", "in-jvm")), cryptoProvider),
          System.out).run();
    } else {
      System.err.println("unknown benchmark " + args[0]);
      System.exit(2);
    }
    System.exit(0);
  }

  /** The 1-minute load average and the cores, as {@code uptime} shows it, to note next to each figure. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2] + " on " + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean inProcess(String gateway) {
    if (!gateway.equals("in-jvm") && !gateway.equals("process")) {
      throw new IllegalArgumentException("--gateway is in-jvm or process, not " + gateway);
    }
    return gateway.equals("process");
  }

  private static int integer(Map<String, String> options, String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
  }

  /** {@code 10m}, {@code 90s} or {@code 1h}. */
  private static Duration duration(String text) {
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    switch (text.charAt(text.length() - 1)) {
      case 's':
        return Duration.ofSeconds(amount);
      case 'm':
        return Duration.ofMinutes(amount);
      case 'h':
        return Duration.ofHours(amount);
      default:
        throw new IllegalArgumentException("a duration is a number and s, m or h: " + text);
    }
  }
}

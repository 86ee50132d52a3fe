package dev.fedgate.vocab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Param;

/**
 * CPU time per document of {@link VocabReadBenchmark}'s read and validation, from the measuring thread's own CPU clock:
 * on a machine shared with other work JMH's wall-clock scores measure the sharing, this does not (though it still
 * feels the shared caches and cores). Each document: 15 warm-up rounds, then the median of 7 rounds of 20,000 calls.
 * Run (a plain main, through the benchmarks profile):
 *
 * <pre>
 * mvn -q -pl vocab -am -Pbenchmarks clean test -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.main=dev.fedgate.vocab.bench.VocabReadCpuTimeBenchmark -Djmh.args=
 * </pre>
 *
 * <p>Document names as arguments ({@code -Djmh.args=peertube-video}) measure only those.
 */
public final class VocabReadCpuTimeBenchmark {
  private static final int CALLS = 20_000;
  private static final int WARM_UP_ROUNDS = 15;
  private static final int ROUNDS = 7;

  private VocabReadCpuTimeBenchmark() {}

  /** Prints one line per document of {@link VocabReadBenchmark}, or per document named in {@code args}. */
  public static void main(String[] args) throws NoSuchFieldException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<String> named = List.of(args);
    for (String document : VocabReadBenchmark.class.getField("document").getAnnotation(Param.class).value()) {
      if (!named.isEmpty() && !named.contains(document)) {
        continue;
      }
      VocabReadBenchmark benchmark = new VocabReadBenchmark();
      benchmark.document = document;
      benchmark.load();
      for (int i = 0; i < WARM_UP_ROUNDS; i++) {
        round(benchmark);
      }
      double[] micros = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        long start = threads.getCurrentThreadCpuTime();
        round(benchmark);
        micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / CALLS;
      }
      Arrays.sort(micros);
      double median = micros[ROUNDS / 2];
      System.out.printf(Locale.ROOT, "%s: %.1f us of CPU per document (rounds %.1f to %.1f), %,.0f per CPU-second%n",
          document, median, micros[0], micros[ROUNDS - 1], 1e6 / median);
    }
  }

  private static void round(VocabReadBenchmark benchmark) {
    for (int i = 0; i < CALLS; i++) {
      if (!benchmark.readAndValidate()) {
        throw new IllegalStateException(benchmark.document + " was not accepted");
      }
    }
  }
}

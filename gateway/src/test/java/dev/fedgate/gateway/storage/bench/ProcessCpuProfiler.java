package dev.fedgate.gateway.storage.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM per operation ({@code -prof dev.fedgate.gateway.storage.bench.ProcessCpuProfiler}):
 * a store call runs on the backend's JDBC threads as well as the caller's, so the measuring thread's own CPU time
 * misses most of it, and wall-clock scores on the shared machine measure the other builds more than the store.
 */
public final class ProcessCpuProfiler implements InternalProfiler {
  private long cpuAtStart;

  @Override
  public String getDescription() {
    return "process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    cpuAtStart = processCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
      IterationResult result) {
    long operations = Math.max(1, result.getMetadata().getMeasuredOps());
    double microsPerOperation = (processCpuNanos() - cpuAtStart) / 1000.0 / operations;
    return List.of(new ScalarResult("cpu.time", microsPerOperation, "µs CPU/op", AggregationPolicy.AVG));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

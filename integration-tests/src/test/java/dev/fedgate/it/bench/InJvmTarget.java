package dev.fedgate.it.bench;

import dev.fedgate.gateway.config.StorageKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The gateway in this JVM ({@link LoadGateway}) next to the load generator, its CPU split by thread ({@link
 * ThreadCpu}): the gateway's pools apart from the generator's threads and from what the JVM spends outside any Java
 * thread (GC, JIT), which the two share.
 */
final class InJvmTarget implements InboxTarget<InJvmTarget.Split> {
  /** CPU per activity in milliseconds: the gateway's threads together, and by spender. */
  record Split(double gateway, Map<ThreadCpu.Spender, Double> spent) {}

  private final LoadGateway gateway;
  private final Resources resources;

  private InJvmTarget(LoadGateway gateway, Resources resources) {
    this.gateway = gateway;
    this.resources = resources;
  }

  /** Starts a gateway on {@code storage} in this JVM and the sampling of this JVM's heap. */
  static InJvmTarget start(StorageKind storage) throws Exception {
    return new InJvmTarget(LoadGateway.start(storage, Optional.empty()), Resources.watch());
  }

  @Override
  public String publishVideo(String name) {
    return gateway.publishVideo(name);
  }

  @Override
  public IntFunction<Split> measure() {
    ThreadCpu.Snapshot before = ThreadCpu.take();
    return activities -> {
      Map<ThreadCpu.Spender, Long> spent = ThreadCpu.between(before, ThreadCpu.take());
      Map<ThreadCpu.Spender, Double> per = new EnumMap<>(ThreadCpu.Spender.class);
      spent.forEach((spender, nanos) -> per.put(spender, nanos / 1e6 / activities));
      return new Split(ThreadCpu.gateway(spent) / 1e6 / activities, per);
    };
  }

  @Override
  public void awaitProcessed() {
    InboxLoad.join(gateway.gateway().inbox().orElseThrow().worker().drain().mapEmpty());
  }

  @Override
  public String summary(Split split) {
    double jvm = split.spent().values().stream().mapToDouble(Double::doubleValue).sum();
    return Resources.cpuPer("activity received and processed", jvm, 2) + "; " + resources.report();
  }

  /** The gateway's CPU per activity, by pool, the rate it allows on two cores, and the rest of the JVM's. */
  @Override
  public String split(Split split) {
    StringBuilder pools = new StringBuilder();
    for (ThreadCpu.Spender spender : List.of(ThreadCpu.Spender.EVENT_LOOPS, ThreadCpu.Spender.CPU_POOL,
        ThreadCpu.Spender.STORE, ThreadCpu.Spender.OTHER)) {
      pools.append(pools.length() == 0 ? "" : ", ").append(String.format("%s %.3f", spender.label(),
          split.spent().get(spender)));
    }
    double jvm = split.spent().get(ThreadCpu.Spender.JVM);
    return String.format("gateway threads %.3f ms per activity (%s) ≈ %.0f/s on 2 dedicated cores; with the JVM's"
            + " own %.3f ms (GC, JIT) ≈ %.0f/s; generator %.3f ms", split.gateway(), pools,
        2000 / split.gateway(), jvm, 2000 / (split.gateway() + jvm),
        split.spent().get(ThreadCpu.Spender.GENERATOR));
  }

  @Override
  public Split median(List<Split> rounds) {
    Map<ThreadCpu.Spender, Double> spent = new EnumMap<>(ThreadCpu.Spender.class);
    for (ThreadCpu.Spender spender : ThreadCpu.Spender.values()) {
      spent.put(spender, InboxLoad.median(rounds, split -> split.spent().get(spender)));
    }
    return new Split(InboxLoad.median(rounds, Split::gateway), spent);
  }

  /** The heap after GC, the RSS, H2's chunk records in the heap (one per chunk of the file), the file's size. */
  @Override
  public String soakFigures() {
    long chunks = Resources.liveInstances("org.h2.mvstore.SFChunk");
    return String.format("heap after GC %d MiB, RSS %d MiB, H2 chunks %d, database file %d MiB; load %s",
        Resources.mib(Resources.heapAfterGc()), Resources.mib(Resources.status("VmRSS")), chunks,
        Resources.mib(Resources.databaseFileBytes(gateway.dataDirectory())), LoadBenchmark.loadAverage());
  }

  @Override
  public void close() throws Exception {
    try {
      resources.close();
    } finally {
      gateway.close();
    }
  }
}

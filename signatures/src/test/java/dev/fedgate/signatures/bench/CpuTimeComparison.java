package dev.fedgate.signatures.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.Provider;
import java.security.Security;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operations of {@link SignaturesBenchmark}, timed by this thread's CPU time rather than wall time, so that the
 * ratio to raw JCE RSA stays meaningful on a shared, overloaded machine. Prints operations per CPU-second per round.
 *
 * <pre>mvn -q -pl signatures -Pbenchmarks test-compile exec:exec -Dbench.main=dev.fedgate.signatures.bench.CpuTimeComparison</pre>
 *
 * <p>With the argument {@code conscrypt} and Conscrypt on the class path, Conscrypt is installed as the first JCA
 * provider before measuring (Tink and JCE then use it); docs/benchmarks.md gives the command.
 */
public final class CpuTimeComparison {
  private static final int ROUNDS = 5;

  private CpuTimeComparison() {}

  /** One operation. */
  private interface Op {
    Object run() throws Exception;
  }

  /** Runs the rounds and prints ops per CPU-second and the verify ratios to raw JCE. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("conscrypt")) {
      Object provider = Class.forName("org.conscrypt.Conscrypt").getMethod("newProvider").invoke(null);
      Security.insertProviderAt((Provider) provider, 1);
    }
    System.out.println("first JCA provider: " + Security.getProviders()[0].getName());
    SignaturesBenchmark b = new SignaturesBenchmark();
    b.setUp();
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("jceRsaVerify", b::jceRsaVerify);
    ops.put("cavageRsaVerify", b::cavageRsaVerify);
    ops.put("rfc9421RsaVerify", b::rfc9421RsaVerify);
    ops.put("ed25519Verify", b::ed25519Verify);
    ops.put("jceRsaSign", b::jceRsaSign);
    ops.put("cavageRsaSign", b::cavageRsaSign);
    ops.put("rfc9421RsaSign", b::rfc9421RsaSign);
    ops.put("ed25519Sign", b::ed25519Sign);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= ROUNDS; round++) {
      Map<String, Double> perSecond = new LinkedHashMap<>();
      for (Map.Entry<String, Op> op : ops.entrySet()) {
        int n = op.getKey().endsWith("RsaSign") ? 300 : 3000;
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          op.getValue().run();
        }
        perSecond.put(op.getKey(), n * 1e9 / (cpu.getCurrentThreadCpuTime() - start));
      }
      StringBuilder line = new StringBuilder("round " + round + ":");
      perSecond.forEach((name, value) -> line.append(String.format(" %s=%.0f", name, value)));
      line.append(String.format(" | cavage/jce=%.2f rfc9421/jce=%.2f", perSecond.get("cavageRsaVerify") / perSecond.get("jceRsaVerify"),
          perSecond.get("rfc9421RsaVerify") / perSecond.get("jceRsaVerify")));
      System.out.println(line);
    }
  }
}

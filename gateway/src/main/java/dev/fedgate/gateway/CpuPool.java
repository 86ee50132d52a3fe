package dev.fedgate.gateway;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named executor for CPU work that must stay off the event loops: RSA signing and verifying, key generation,
 * HTML sanitising. One thread per core: more would only queue the same work on fewer cycles.
 */
final class CpuPool {
  private CpuPool() {}

  static ExecutorService create() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "fedgate-cpu-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}

package dev.fedgate.gateway.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/** At most {@code perHost} tasks at once per host; the rest wait in order for a slot. */
final class HostSlots {
  private final int perHost;
  private final Map<String, Integer> running = new HashMap<>();
  private final Map<String, Queue<Runnable>> waiting = new HashMap<>();

  HostSlots(int perHost) {
    if (perHost < 1) {
      throw new IllegalArgumentException("perHost must be at least 1");
    }
    this.perHost = perHost;
  }

  /** Runs {@code task} once {@code host} has a free slot, and frees the slot when the task's future completes. */
  <T> Future<T> run(String host, Supplier<Future<T>> task) {
    Promise<T> result = Promise.promise();
    Runnable start = () -> started(task).onComplete(done -> {
      release(host);
      result.handle(done);
    });
    boolean now;
    synchronized (this) {
      int count = running.getOrDefault(host, 0);
      now = count < perHost;
      if (now) {
        running.put(host, count + 1);
      } else {
        waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result.future();
  }

  private static <T> Future<T> started(Supplier<Future<T>> task) {
    try {
      return task.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void release(String host) {
    Runnable next;
    synchronized (this) {
      Queue<Runnable> queue = waiting.get(host);
      next = queue == null ? null : queue.poll();
      if (queue != null && queue.isEmpty()) {
        waiting.remove(host);
      }
      if (next == null) {
        running.compute(host, (h, count) -> count == null || count <= 1 ? null : count - 1);
      }
    }
    // The slot passes straight to the next waiting task.
    if (next != null) {
      next.run();
    }
  }
}

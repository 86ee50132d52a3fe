package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Views of local videos, added up in memory and flushed as one {@code video.views} webhook per video on an interval,
 * so a popular video costs one write per interval instead of one per viewer. Views counted since the last flush are
 * lost if the process dies, which is the price of not writing per event (PeerTube buffers views the same way).
 */
public final class ViewCounter {
  private final WebhookJobStore store;
  private final Map<UUID, LongAdder> pending = new ConcurrentHashMap<>();

  /** Flushes into {@code store}. */
  public ViewCounter(WebhookJobStore store) {
    this.store = store;
  }

  /** Counts {@code views} more views of {@code video}. */
  public void add(UUID video, long views) {
    pending.computeIfAbsent(video, v -> new LongAdder()).add(views);
  }

  /** Views counted and not flushed yet. */
  public long pending(UUID video) {
    LongAdder adder = pending.get(video);
    return adder == null ? 0 : adder.sum();
  }

  /** Queues one webhook per video with views since the last flush; on failure the counts are kept for the next. */
  public Future<Void> flush() {
    Map<UUID, Long> taken = new HashMap<>();
    for (UUID video : List.copyOf(pending.keySet())) {
      LongAdder adder = pending.remove(video);
      if (adder != null && adder.sum() > 0) {
        taken.put(video, adder.sum());
      }
    }
    if (taken.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WebhookEvent> events = new ArrayList<>();
    taken.forEach((video, views) -> events.add(new WebhookEvent("video.views",
        "{\"type\":\"video.views\",\"video\":\"" + video + "\",\"views\":" + views + "}")));
    return Future.fromCompletionStage(store.enqueueAll(events))
        .onFailure(failure -> taken.forEach(this::add))
        .mapEmpty();
  }
}

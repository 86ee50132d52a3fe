package dev.fedgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheInvalidationTest {
  /** Records what it was told. */
  private static final class Recording implements StaleCache {
    final List<Object> told = new ArrayList<>();

    @Override
    public void invalidate(CacheChange change) {
      told.add(change);
    }

    @Override
    public void invalidateAll() {
      told.add("all");
    }
  }

  @Test
  void inProcess_appliesAChangeToEveryRegisteredCacheAtOnce() {
    CacheInvalidation invalidation = CacheInvalidation.inProcess();
    Recording first = new Recording();
    Recording second = new Recording();
    invalidation.register(first);
    invalidation.register(second);
    CacheChange change = new CacheChange.RemoteActor(URI.create("https://m.example/u/bob"));

    assertThat(invalidation.changed(change).toCompletableFuture()).isCompleted();

    assertThat(first.told).containsExactly(change);
    assertThat(second.told).containsExactly(change);
  }

  @Test
  void close_leavesLocalInvalidationWorking() {
    CacheInvalidation invalidation = CacheInvalidation.inProcess();
    Recording cache = new Recording();
    invalidation.register(cache);
    assertThat(invalidation.close().toCompletableFuture()).isCompleted();

    invalidation.changed(new CacheChange.LocalActor("cooking"));

    assertThat(cache.told).containsExactly(new CacheChange.LocalActor("cooking"));
  }
}

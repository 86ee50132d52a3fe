package dev.fedgate.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.pg.PgChangeNotifier;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.storage.StoreContract;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Cache invalidation between nodes over LISTEN/NOTIFY: a key one node publishes reaches every node, itself included. */
class PostgresChangeNotifierIT {
  @Test
  void publishedKey_reachesEveryListeningNode() {
    String uri = TestPostgres.freshDatabase("notify").toConnectionUri();
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    PgChangeNotifier publisher = StoreContract.await(PgChangeNotifier.open(uri, first::complete, () -> { }));
    PgChangeNotifier other = StoreContract.await(PgChangeNotifier.open(uri, second::complete, () -> { }));
    try {
      StoreContract.await(publisher.publish("actor:https://m.example/u/bob"));

      assertThat(StoreContract.await(second)).isEqualTo("actor:https://m.example/u/bob");
      assertThat(StoreContract.await(first)).isEqualTo("actor:https://m.example/u/bob");
    } finally {
      StoreContract.await(publisher.close());
      StoreContract.await(other.close());
    }
  }

  @Test
  void publish_afterClose_fails() {
    String uri = TestPostgres.freshDatabase("notify_closed").toConnectionUri();
    PgChangeNotifier notifier = StoreContract.await(PgChangeNotifier.open(uri, key -> { }, () -> { }));
    StoreContract.await(notifier.close());
    StoreContract.await(notifier.close());

    assertThat(notifier.publish("video:1").toCompletableFuture()).isCompletedExceptionally();
  }
}

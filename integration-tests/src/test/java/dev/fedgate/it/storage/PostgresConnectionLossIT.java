package dev.fedgate.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.storage.StoreContract;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool after the server dropped its connections: calls on a dead connection fail, and the pool reconnects. */
class PostgresConnectionLossIT {
  private static final int ATTEMPTS = 5;

  @Test
  void afterTheServerDropsEveryConnection_thePoolRecoversByItself() throws Exception {
    PostgresUrl database = TestPostgres.freshDatabase("connection_loss");
    StorageSettings settings = StorageSettings.builder().url(database.toConnectionUri()).build();
    StorageBackend backend = StoreContract.await(StorageProviders.find("postgres").open(settings));
    try {
      StoreContract.await(backend.localActors().ensureInstanceActor("peertube"));

      terminateConnections(database);

      assertThat(firstSuccessfulPing(backend)).isLessThanOrEqualTo(ATTEMPTS);
      assertThat(StoreContract.await(backend.localActors().findActor("peertube"))).isPresent();
    } finally {
      StoreContract.await(backend.close());
    }
  }

  /** The attempt at which a ping succeeded; a ping that went to a dropped connection fails, the next reconnects. */
  private static int firstSuccessfulPing(StorageBackend backend) throws Exception {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        backend.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return attempt;
      } catch (ExecutionException | CompletionException e) {
        // A call on a connection the server closed fails; the pool drops that connection.
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Ends every session on the test database from a separate connection, as a server restart would. */
  private static void terminateConnections(PostgresUrl database) throws Exception {
    long ended = PgAdmin.queryNumber(TestPostgres.server(), "SELECT COUNT(pg_terminate_backend(pid))"
        + " FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", database.database());
    assertThat(ended).isPositive();
  }
}

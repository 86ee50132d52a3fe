package dev.fedgate.it.storage;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.testkit.postgres.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;

/** A test's own look into a database, beside the backend under test: one query, one number back. */
final class PgAdmin {
  private PgAdmin() {}

  /** Runs {@code sql} on {@code database} with {@code parameters} and returns the first column of its one row. */
  static long queryNumber(PostgresUrl database, String sql, Object... parameters) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      SqlClient client = PgBuilder.client().connectingTo(TestPostgres.connectOptions(database)).using(vertx).build();
      return client.preparedQuery(sql).execute(Tuple.wrap(parameters))
          .map(rows -> rows.iterator().next().getLong(0))
          .eventually(client::close)
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}

package dev.fedgate.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.testkit.postgres.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The PostgreSQL test server is reachable and hands out isolated databases (CI must run this, not skip it). */
class TestPostgresIT {
  @Test
  void freshDatabase_isEmpty_andReachable() throws Exception {
    PostgresUrl url = TestPostgres.freshDatabase("probe");
    Vertx vertx = Vertx.vertx();
    try {
      SqlClient client = PgBuilder.client().connectingTo(TestPostgres.connectOptions(url)).using(vertx).build();
      Row row = client.query("SELECT current_database() AS db, "
              + "(SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') AS tables, "
              + "current_setting('server_version_num')::int AS version")
          .execute()
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
          .iterator().next();
      assertThat(row.getString("db")).isEqualTo(url.database());
      assertThat(row.getLong("tables")).isZero();
      assertThat(row.getInteger("version")).isGreaterThanOrEqualTo(130000);
      client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}

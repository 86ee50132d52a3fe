package dev.fedgate.testkit.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fedgate.gateway.config.PostgresUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that decides where PostgreSQL tests get their server: a Testcontainers container when a Docker engine
 * is present, else the server named by {@code FEDGATE_TEST_PG_URL} (a libpq URI), else the test is skipped with a
 * message saying how to run it. Under {@code FEDGATE_TEST_REQUIRE_PG=true} (CI) a missing server fails the test.
 */
public final class TestPostgres {
  /** The environment variable naming a server for tests, as {@code postgresql://user:password@host:port/database}. */
  public static final String URL_VARIABLE = "FEDGATE_TEST_PG_URL";
  /** Set to {@code true} where PostgreSQL tests must run, never skip. */
  public static final String REQUIRE_VARIABLE = "FEDGATE_TEST_REQUIRE_PG";
  private static final String IMAGE = "postgres:15-alpine";

  private static PostgresUrl server;

  private TestPostgres() {}

  /** The admin location of the test server: started or found once per JVM; skips or fails the test when there is none. */
  public static synchronized PostgresUrl server() {
    if (server == null) {
      server = locate();
    }
    return server;
  }

  private static PostgresUrl locate() {
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return PostgresUrl.parse(configured);
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      return PostgresUrl.parse("postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
          + container.getHost() + ":" + container.getMappedPort(5432) + "/" + container.getDatabaseName());
    }
    String message = "no PostgreSQL for tests: no Docker engine and " + URL_VARIABLE + " is not set; "
        + "to run them, start PostgreSQL and set " + URL_VARIABLE + "=postgresql://user:password@127.0.0.1:5432/db "
        + "(.ci/run does this)";
    if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
      throw new IllegalStateException(message + "; required because " + REQUIRE_VARIABLE + "=true");
    }
    assumeTrue(false, message);
    throw new IllegalStateException("unreachable: assumeTrue(false) aborts the test");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * A new, empty database on the test server, owned by the test role: each test (or test class) gets its own, so
   * tests never see each other's rows.
   */
  public static PostgresUrl freshDatabase(String purpose) {
    PostgresUrl admin = server();
    String name = ("fg_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    Vertx vertx = Vertx.vertx();
    try {
      SqlClient client = PgBuilder.client().connectingTo(connectOptions(admin)).using(vertx).build();
      await(client.query("CREATE DATABASE " + name).execute().compose(rows -> client.close()));
    } finally {
      await(vertx.close());
    }
    String credentials = admin.user().isEmpty() ? ""
        : admin.user() + (admin.password().isEmpty() ? "" : ":" + admin.password()) + "@";
    return PostgresUrl.parse("postgresql://" + credentials + admin.host() + ":" + admin.port() + "/" + name);
  }

  /** Connection options for the Vert.x PostgreSQL client. */
  public static PgConnectOptions connectOptions(PostgresUrl url) {
    return new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setPassword(url.password());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("PostgreSQL test setup failed: " + e.getMessage(), e);
    }
  }
}

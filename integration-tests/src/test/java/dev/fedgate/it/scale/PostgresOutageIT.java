package dev.fedgate.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.process.GatewayProcess;
import dev.fedgate.testkit.process.TcpProxy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable for a while during inbound traffic, as in a database restart: a proxy between the gateway
 * and the server drops every connection and refuses new ones. Meanwhile the gateway reports unhealthy and answers
 * inbox posts 503; once the database is back it recovers by itself, and every activity answered 202 is processed.
 */
class PostgresOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration PROCESSED_WAIT = Duration.ofSeconds(150);
  private static final SignedHttpClient HTTP = SignedHttpClient.create(InstantSource.system());

  @Test
  void databaseUnreachable_gatewayAnswers503_thenRecovers_andLosesNothingAccepted() {
    PostgresUrl database = TestPostgres.freshDatabase("outage");
    try (TcpProxy proxy = TcpProxy.start(database.host(), database.port());
        SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      String viaProxy = "postgresql://" + database.user() + ":" + database.password() + "@127.0.0.1:" + proxy.port()
          + "/" + database.database();
      Inbound inbound = new Inbound(mastodon);
      FanOut.withStore("postgres", StorageSettings.builder().url(database.toConnectionUri()).build(),
          inbound::seedAuthor);
      try (GatewayProcess gateway = GatewayProcess.builder()
          .flag("--storage", "postgres")
          .flag("--pg-url", viaProxy)
          .flag("--public-url", FanOut.PUBLIC_URL.toString())
          .flag("--allow-private-addresses", "true")
          // Activities claimed just before the cut, whose completion failed, come back after this.
          .flag("--inbox-lease", "5")
          .start()) {
        FanOut.createChannel(gateway.baseUrl(), gateway.apiToken());
        inbound.toNewVideo(gateway.baseUrl(), gateway.apiToken());
        for (int i = 0; i < 20; i++) {
          assertThat(inbound.post(gateway::baseUrl)).isEqualTo(202);
        }

        proxy.cut();
        awaitStatus(() -> health(gateway), 503);
        awaitStatus(() -> inbound.post(gateway::baseUrl), 503);

        proxy.restore();
        awaitStatus(() -> health(gateway), 200);
        awaitStatus(() -> inbound.post(gateway::baseUrl), 202);
        for (int i = 0; i < 20; i++) {
          assertThat(inbound.post(gateway::baseUrl)).isEqualTo(202);
        }

        // Activities whose processing failed during the cut are retried after the inbox's backoff (30 s, then 60 s).
        inbound.awaitAllProcessed(gateway.baseUrl(), gateway.apiToken(), PROCESSED_WAIT);
        assertThat(inbound.acceptedCount()).isGreaterThanOrEqualTo(41);
      }
    }
  }

  private static int health(GatewayProcess gateway) {
    HttpResult health = HTTP.get(gateway.baseUrl().resolve("/health"), "application/json");
    return health.status();
  }

  /** Repeats {@code call} until it answers {@code status}; each call is a full HTTP exchange, so this paces itself. */
  private static void awaitStatus(IntSupplier call, int status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int last;
    while ((last = call.getAsInt()) != status) {
      assertThat(System.nanoTime()).as("answered %d within %s (last %d)", status, WAIT, last).isLessThan(deadline);
    }
  }
}

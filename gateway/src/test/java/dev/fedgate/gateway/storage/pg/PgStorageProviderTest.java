package dev.fedgate.gateway.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** What the provider decides before any server is involved; the stores run the contract suite in PostgresStorageIT. */
class PgStorageProviderTest {
  @Test
  void kind_isPostgres_andTheRegistryFindsIt() {
    assertThat(new PgStorageProvider().kind()).isEqualTo("postgres");
    assertThat(StorageProviders.find("postgres")).isInstanceOf(PgStorageProvider.class);
  }

  @Test
  void open_withoutUrl_failsWithIllegalArgument() {
    Throwable failure = failureOf(StorageSettings.builder().build());

    assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FEDGATE_PG_URL");
  }

  @Test
  void open_urlThatIsNotPostgres_failsWithIllegalArgument() {
    Throwable failure = failureOf(StorageSettings.builder().url("mem:contract").build());

    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bind_convertsSpiValuesToTheClientsTypes() {
    assertThat(PgDatabase.bind(Optional.empty())).isNull();
    assertThat(PgDatabase.bind(Optional.of(URI.create("https://a.example/x"))))
        .isEqualTo("https://a.example/x");
    assertThat(PgDatabase.bind(JobState.DEAD)).isEqualTo("DEAD");
    assertThat(PgDatabase.bind(Instant.parse("2024-01-01T00:00:00.123456789Z")))
        .isEqualTo(OffsetDateTime.parse("2024-01-01T00:00:00.123456Z"));
  }

  private static Throwable failureOf(StorageSettings settings) {
    try {
      new PgStorageProvider().open(settings).toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("open succeeded");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}

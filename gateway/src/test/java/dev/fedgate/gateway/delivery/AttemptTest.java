package dev.fedgate.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AttemptTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204})
  void fromStatus_2xx_isDelivered(int status) {
    assertThat(Attempt.fromStatus(status, Optional.empty())).isInstanceOf(Attempt.Delivered.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 405, 410, 413, 422, 501})
  void fromStatus_unsalvageable_givesUp(int status) {
    assertThat(Attempt.fromStatus(status, Optional.empty())).isEqualTo(new Attempt.GiveUp("answered " + status));
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 408, 429, 500, 502, 503, 504, 302})
  void fromStatus_transient_isRetried(int status) {
    assertThat(Attempt.fromStatus(status, Optional.empty())).isInstanceOf(Attempt.Retry.class);
  }

  @Test
  void fromFailure_retriesNetworkTrouble_butNotRefusedAddresses() {
    URI url = URI.create("https://peer.example/inbox");
    assertThat(Attempt.fromFailure(new FetchException(FetchFailure.TIMEOUT, url, "slow", null)))
        .isEqualTo(new Attempt.Retry(Optional.empty(), "TIMEOUT"));
    assertThat(Attempt.fromFailure(new FetchException(FetchFailure.FORBIDDEN_ADDRESS, url, "private", null)))
        .isEqualTo(new Attempt.GiveUp("FORBIDDEN_ADDRESS"));
    assertThat(Attempt.fromFailure(new IllegalStateException("no key"))).isInstanceOf(Attempt.Retry.class);
    assertThat(Attempt.fromFailure(new CompletionException(
        new FetchException(FetchFailure.BAD_URL, url, "ftp", null)))).isEqualTo(new Attempt.GiveUp("BAD_URL"));
  }

  @Test
  void retryAfter_readsSecondsAndDates() {
    assertThat(RetryAfter.parse(Optional.of("120"), NOW)).hasValue(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(Optional.of("Fri, 20 Nov 2026 11:00:00 GMT"), NOW)).hasValue(Duration.ofHours(1));
    assertThat(RetryAfter.parse(Optional.of("Fri, 20 Nov 2026 09:00:00 GMT"), NOW)).hasValue(Duration.ZERO);
    assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
  }
}

package dev.fedgate.gateway.delivery;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostHealthTest {
  private static final Instant DAY_ONE = Instant.parse("2026-11-20T10:00:00Z");
  private StorageBackend storage;

  @BeforeEach
  void open() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:hosts-" + UUID.randomUUID()).build()));
  }

  @AfterEach
  void close() {
    await(storage.close());
  }

  private HostHealth health(int days) {
    return new HostHealth(storage.remoteHosts(), days, 100);
  }

  private static boolean unavailable(HostHealth health, String host) {
    return await(health.isUnavailable(host));
  }

  @Test
  void host_isUnavailable_afterFailuresOnSevenDistinctDays() {
    HostHealth health = health(7);
    for (int day = 0; day < 6; day++) {
      await(health.recordFailure("dead.example", DAY_ONE.plus(Duration.ofDays(day))));
    }
    assertThat(unavailable(health, "dead.example")).isFalse();

    await(health.recordFailure("dead.example", DAY_ONE.plus(Duration.ofDays(6))));

    assertThat(unavailable(health, "dead.example")).isTrue();
    assertThat(await(storage.remoteHosts().find("dead.example")).orElseThrow().unavailableSince())
        .hasValue(DAY_ONE.plus(Duration.ofDays(6)));
  }

  @Test
  void failuresOnOneDay_countOnce() {
    HostHealth health = health(2);
    for (int hour = 0; hour < 10; hour++) {
      await(health.recordFailure("flaky.example", DAY_ONE.plus(Duration.ofHours(hour))));
    }
    assertThat(unavailable(health, "flaky.example")).isFalse();
    assertThat(await(storage.remoteHosts().find("flaky.example")).orElseThrow().failureDays()).isEqualTo(1);
  }

  @Test
  void success_revivesTheHost() {
    HostHealth health = health(1);
    await(health.recordFailure("back.example", DAY_ONE));
    assertThat(unavailable(health, "back.example")).isTrue();

    await(health.recordSuccess("back.example", DAY_ONE.plus(Duration.ofDays(3))));

    assertThat(unavailable(health, "back.example")).isFalse();
    assertThat(await(storage.remoteHosts().find("back.example")).orElseThrow().lastSuccessAt())
        .hasValue(DAY_ONE.plus(Duration.ofDays(3)));
  }

  @Test
  void successWithALearnedScheme_storesBothInOneWrite_andTheNextSuccessWritesNothing() {
    HostHealth health = health(7);

    await(health.recordSuccess("new.example", DAY_ONE, Optional.of("rfc9421")));
    await(health.recordSuccess("new.example", DAY_ONE.plusSeconds(1), Optional.empty()));

    RemoteHost stored = await(storage.remoteHosts().find("new.example")).orElseThrow();
    assertThat(stored.signatureScheme()).contains("rfc9421");
    assertThat(stored.lastSuccessAt()).as("the second success was not written").contains(DAY_ONE);
    assertThat(await(health.signatureScheme("new.example"))).contains("rfc9421");
  }

  /** Deliveries sent to a new host before its first answer each learn its scheme; only the first is written. */
  @Test
  void aSchemeLearnedAgain_byDeliveriesSentBeforeTheFirstAnswer_isNotWrittenAgain() {
    HostHealth health = health(7);
    await(health.recordSuccess("new.example", DAY_ONE, Optional.of("cavage-12")));

    await(health.recordSuccess("new.example", DAY_ONE.plusSeconds(1), Optional.of("cavage-12")));
    assertThat(lastSuccess("new.example")).as("not written again").contains(DAY_ONE);

    await(health.recordSuccess("new.example", DAY_ONE.plusSeconds(2), Optional.of("rfc9421")));
    RemoteHost stored = await(storage.remoteHosts().find("new.example")).orElseThrow();
    assertThat(stored.signatureScheme()).as("a different scheme is news").contains("rfc9421");
    assertThat(stored.lastSuccessAt()).contains(DAY_ONE.plusSeconds(2));
  }

  @Test
  void contact_revivesAnUnavailableHost() {
    HostHealth health = health(1);
    await(health.recordFailure("back.example", DAY_ONE));

    await(health.contact("back.example", DAY_ONE.plus(Duration.ofHours(2))));

    assertThat(unavailable(health, "back.example")).isFalse();
  }

  /** Contact from a healthy host (every inbound request) writes nothing. */
  @Test
  void contact_ofAnAvailableHost_writesNothing() {
    await(health(7).contact("fine.example", DAY_ONE));

    assertThat(await(storage.remoteHosts().find("fine.example"))).isEmpty();
  }

  @Test
  void successesOfAHealthyHost_areWrittenOncePerCacheTtl() {
    HostHealth health = health(7);
    await(health.recordSuccess("busy.example", DAY_ONE));

    await(health.recordSuccess("busy.example", DAY_ONE.plusSeconds(10)));
    assertThat(lastSuccess("busy.example")).hasValue(DAY_ONE);

    await(health.recordSuccess("busy.example", DAY_ONE.plus(HostHealth.CACHE_TTL)));
    assertThat(lastSuccess("busy.example")).hasValue(DAY_ONE.plus(HostHealth.CACHE_TTL));
  }

  @Test
  void success_afterAFailure_isWrittenAtOnce() {
    HostHealth health = health(7);
    await(health.recordSuccess("shaky.example", DAY_ONE));
    await(health.recordFailure("shaky.example", DAY_ONE.plusSeconds(10)));

    await(health.recordSuccess("shaky.example", DAY_ONE.plusSeconds(20)));

    assertThat(lastSuccess("shaky.example")).hasValue(DAY_ONE.plusSeconds(20));
    assertThat(await(storage.remoteHosts().find("shaky.example")).orElseThrow().failureDays()).isZero();
  }

  private Optional<Instant> lastSuccess(String host) {
    return await(storage.remoteHosts().find(host)).orElseThrow().lastSuccessAt();
  }

  /** The state is in the store: a new breaker (another node, or after a restart) sees a dead host as dead. */
  @Test
  void state_survivesANewBreaker() {
    await(health(1).recordFailure("dead.example", DAY_ONE));
    assertThat(unavailable(health(1), "dead.example")).isTrue();
  }

  @Test
  void unknownHost_isAvailable() {
    assertThat(unavailable(health(7), "new.example")).isFalse();
  }
}

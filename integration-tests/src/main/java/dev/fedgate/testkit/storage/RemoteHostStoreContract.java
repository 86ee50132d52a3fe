package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.HostStateCounts;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.RemoteHostStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link RemoteHostStore}: failure days, unavailability, revival, schemes and listing. */
public abstract class RemoteHostStoreContract extends StoreContract {
  private static final String HOST = "dead.example";
  private static final int DAYS = 3;

  private RemoteHostStore hosts() {
    return backend.remoteHosts();
  }

  @Test
  void find_unknownHost_isEmpty() {
    assertThat(await(hosts().find(HOST))).isEmpty();
  }

  @Test
  void recordFailure_countsDistinctDaysOnly() {
    Instant day1 = Instant.parse("2024-05-01T01:00:00Z");

    await(hosts().recordFailure(HOST, day1, DAYS));
    await(hosts().recordFailure(HOST, day1.plus(Duration.ofHours(20)), DAYS));
    RemoteHost state = await(hosts().recordFailure(HOST, day1.plus(Duration.ofHours(23)), DAYS));

    assertThat(state.failureDays()).isEqualTo(2);
    assertThat(state.lastFailureAt()).contains(day1.plus(Duration.ofHours(23)));
    assertThat(state.unavailable()).isFalse();
    assertThat(await(hosts().find(HOST))).contains(state);
  }

  @Test
  void recordFailure_onTheNthDistinctDay_makesTheHostUnavailableFromThen() {
    Instant day1 = Instant.parse("2024-05-01T12:00:00Z");
    Instant day3 = day1.plus(Duration.ofDays(2));

    await(hosts().recordFailure(HOST, day1, DAYS));
    await(hosts().recordFailure(HOST, day1.plus(Duration.ofDays(1)), DAYS));
    RemoteHost third = await(hosts().recordFailure(HOST, day3, DAYS));
    RemoteHost fourth = await(hosts().recordFailure(HOST, day3.plus(Duration.ofDays(1)), DAYS));

    assertThat(third.unavailableSince()).contains(day3);
    assertThat(fourth.unavailableSince()).contains(day3);
  }

  @Test
  void recordSuccess_revivesTheHostAndRestartsTheCount() {
    Instant day1 = Instant.parse("2024-05-01T12:00:00Z");
    for (int i = 0; i < DAYS; i++) {
      await(hosts().recordFailure(HOST, day1.plus(Duration.ofDays(i)), DAYS));
    }
    Instant revived = day1.plus(Duration.ofDays(DAYS));

    RemoteHost state = await(hosts().recordSuccess(HOST, revived));
    RemoteHost afterFailure = await(hosts().recordFailure(HOST, revived.plusSeconds(60), DAYS));

    assertThat(state.unavailable()).isFalse();
    assertThat(state.failureDays()).isZero();
    assertThat(state.lastSuccessAt()).contains(revived);
    assertThat(afterFailure.failureDays()).isEqualTo(1);
  }

  @Test
  void recordFailure_concurrentFailuresOnOneDay_countOneDay() {
    Instant day1 = Instant.parse("2024-05-01T12:00:00Z");

    race(16, i -> hosts().recordFailure(HOST, day1.plusSeconds(i), DAYS));

    assertThat(await(hosts().find(HOST)).orElseThrow().failureDays()).isEqualTo(1);
  }

  @Test
  void rememberSignatureScheme_isKeptAcrossSuccessesAndFailures() {
    await(hosts().rememberSignatureScheme(HOST, "rfc9421"));
    await(hosts().recordFailure(HOST, START, DAYS));
    await(hosts().recordSuccess(HOST, START.plusSeconds(1)));

    assertThat(await(hosts().find(HOST)).flatMap(RemoteHost::signatureScheme)).contains("rfc9421");
  }

  @Test
  void rememberSignatureScheme_ofAnUnknownHost_recordsItAvailableWithNoFailures() {
    await(hosts().rememberSignatureScheme(HOST, "cavage-12"));

    RemoteHost host = await(hosts().find(HOST)).orElseThrow();
    assertThat(host.signatureScheme()).contains("cavage-12");
    assertThat(host.unavailable()).isFalse();
    assertThat(host.failureDays()).isZero();
  }

  @Test
  void rememberSignatureScheme_replacesTheSchemeAndKeepsTheHealth() {
    await(hosts().recordFailure(HOST, START, DAYS));
    await(hosts().rememberSignatureScheme(HOST, "cavage-12"));

    await(hosts().rememberSignatureScheme(HOST, "rfc9421"));

    RemoteHost host = await(hosts().find(HOST)).orElseThrow();
    assertThat(host.signatureScheme()).contains("rfc9421");
    assertThat(host.failureDays()).isEqualTo(1);
  }

  @Test
  void recordSuccessWithScheme_revivesTheHostAndKeepsTheScheme() {
    await(hosts().recordFailure(HOST, START, 1));

    RemoteHost after = await(hosts().recordSuccess(HOST, START.plusSeconds(1), "rfc9421"));

    assertThat(await(hosts().find(HOST))).contains(after);
    assertThat(after.signatureScheme()).contains("rfc9421");
    assertThat(after.lastSuccessAt()).contains(START.plusSeconds(1));
    assertThat(after.unavailable()).isFalse();
    assertThat(after.failureDays()).isZero();
  }

  @Test
  void rememberSignatureScheme_racingFirstWrites_allSucceedAndOneSchemeStays() {
    race(16, i -> hosts().rememberSignatureScheme(HOST, i % 2 == 0 ? "rfc9421" : "cavage-12"));

    assertThat(await(hosts().find(HOST)).flatMap(RemoteHost::signatureScheme).orElseThrow())
        .isIn("rfc9421", "cavage-12");
  }

  @Test
  void countByState_countsAvailableFailingAndUnavailableHosts() {
    assertThat(await(hosts().countByState())).isEqualTo(new HostStateCounts(0, 0, 0));
    await(hosts().recordSuccess("up.example", START));
    await(hosts().recordFailure("flaky.example", START, DAYS));
    await(hosts().recordFailure("down.example", START, 1));
    await(hosts().rememberSignatureScheme("new.example", "rfc9421"));

    assertThat(await(hosts().countByState())).isEqualTo(new HostStateCounts(2, 1, 1));
  }

  @Test
  void page_listsHostsInNameOrder() {
    for (String host : List.of("c.example", "a.example", "b.example:8443", "d.example")) {
      await(hosts().recordSuccess(host, START));
    }

    List<String> names = readAllPagesBothWays(p -> await(hosts().page(p)), 3).stream().map(RemoteHost::host).toList();

    assertThat(names).containsExactly("a.example", "b.example:8443", "c.example", "d.example");
    assertThat(await(hosts().page(PageRequest.first(10))).next()).isEqualTo(Optional.empty());
  }

  @Test
  void page_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> hosts().page(request));
  }
}

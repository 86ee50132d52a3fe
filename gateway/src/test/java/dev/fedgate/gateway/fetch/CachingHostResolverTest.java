package dev.fedgate.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CachingHostResolverTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
  private final List<String> lookups = new ArrayList<>();
  private final List<InetAddress> answer = new ArrayList<>();
  private final HostResolver counting = host -> {
    lookups.add(host);
    return answer.isEmpty()
        ? Future.failedFuture(new UnknownHostException(host))
        : Future.succeededFuture(List.copyOf(answer));
  };
  private final CachingHostResolver resolver = new CachingHostResolver(counting, Duration.ofSeconds(30), clock);

  @Test
  void resolve_sameHostWithinTheTtl_asksTheResolverOnce() throws Exception {
    answer.add(address("93.184.215.14"));

    assertThat(resolved("peer.example")).containsExactly(address("93.184.215.14"));
    clock.advance(Duration.ofSeconds(29));
    assertThat(resolved("PEER.example")).containsExactly(address("93.184.215.14"));

    assertThat(lookups).containsExactly("peer.example");
    assertThat(resolver.cacheStats().hitCount()).isEqualTo(1);
  }

  @Test
  void resolve_afterTheTtl_asksAgainAndKeepsTheNewAnswer() throws Exception {
    answer.add(address("93.184.215.14"));
    resolved("peer.example");
    answer.set(0, address("93.184.215.15"));

    clock.advance(Duration.ofSeconds(30));

    assertThat(resolved("peer.example")).containsExactly(address("93.184.215.15"));
    assertThat(lookups).containsExactly("peer.example", "peer.example");
  }

  @Test
  void resolve_failure_isNotKept() throws Exception {
    assertThatThrownBy(() -> resolved("down.example")).hasCauseInstanceOf(UnknownHostException.class);
    answer.add(address("93.184.215.14"));

    assertThat(resolved("down.example")).containsExactly(address("93.184.215.14"));
    assertThat(lookups).containsExactly("down.example", "down.example");
  }

  @Test
  void resolve_otherHosts_areKeptApart() throws Exception {
    answer.add(address("93.184.215.14"));
    resolved("a.example");
    answer.set(0, address("93.184.215.15"));

    assertThat(resolved("b.example")).containsExactly(address("93.184.215.15"));
    assertThat(resolved("a.example")).containsExactly(address("93.184.215.14"));
    assertThat(lookups).containsExactly("a.example", "b.example");
  }

  private List<InetAddress> resolved(String host)
      throws ExecutionException, InterruptedException, TimeoutException {
    return resolver.resolve(host).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }
}

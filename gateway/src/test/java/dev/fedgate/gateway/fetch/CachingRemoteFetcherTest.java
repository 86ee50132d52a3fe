package dev.fedgate.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingRemoteFetcherTest {
  private static final URI ACTOR = URI.create("https://peer.example/users/bob");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
  private final AtomicInteger calls = new AtomicInteger();
  private final Queue<Future<FetchedDocument>> answers = new ArrayDeque<>();
  private final RemoteFetcher inner = new RemoteFetcher() {
    @Override
    public Future<FetchedDocument> fetch(URI id, FetchBudget budget) {
      calls.incrementAndGet();
      budget.tryConsume();
      Future<FetchedDocument> next = answers.poll();
      return next != null ? next : Future.succeededFuture(document());
    }

    @Override
    public Future<URI> webfinger(URI account, FetchBudget budget) {
      calls.incrementAndGet();
      budget.tryConsume();
      return Future.succeededFuture(ACTOR);
    }
  };
  private final CachingRemoteFetcher fetcher =
      new CachingRemoteFetcher(inner, clock, CachingRemoteFetcher.DEFAULT_MAX_BYTES);

  private static FetchedDocument document() {
    return new FetchedDocument(ACTOR, ("{\"id\":\"" + ACTOR + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static FetchFailure failure(Future<FetchedDocument> future) {
    assertThat(future.failed()).as("failed").isTrue();
    return ((FetchException) future.cause()).failure();
  }

  @Test
  void fetch_answersFromCacheWithinFreshness_withoutSpendingBudget() {
    fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.ACTOR, FetchBudget.of(1));
    FetchBudget budget = FetchBudget.of(1);
    clock.advance(Duration.ofHours(23));

    Future<FetchedDocument> cached = fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.ACTOR, budget);

    assertThat(cached.result().url()).isEqualTo(ACTOR);
    assertThat(calls).hasValue(1);
    assertThat(budget.remaining()).isEqualTo(1);
  }

  @Test
  void webfinger_isAskedOfTheInnerFetcherEveryTime() {
    URI account = URI.create("acct:bob@peer.example");
    FetchBudget budget = FetchBudget.of(2);

    assertThat(fetcher.webfinger(account, budget).result()).isEqualTo(ACTOR);
    assertThat(fetcher.webfinger(account, budget).result()).isEqualTo(ACTOR);

    assertThat(calls).hasValue(2);
    assertThat(budget.remaining()).isZero();
  }

  @Test
  void fetch_refetchesWhenOlderThanFreshness() {
    fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.ACTOR, FetchBudget.perRequest());
    clock.advance(Duration.ofHours(2));

    fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.ACTOR, FetchBudget.perRequest());
    fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.OBJECT, FetchBudget.perRequest());
    fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.NOW, FetchBudget.perRequest());

    assertThat(calls).hasValue(3);
  }

  /** A key that failed to verify must be looked up at its origin, not in the document the failure came from. */
  @Test
  void fetchFromOrigin_bypassesAFreshEntry_andReplacesIt() {
    fetcher.fetch(ACTOR, FetchBudget.perRequest());

    fetcher.fetchFromOrigin(ACTOR, FetchBudget.perRequest());
    fetcher.fetch(ACTOR, FetchBudget.perRequest());

    assertThat(calls).hasValue(2);
  }

  @Test
  void fetch_remembersGone() {
    answers.add(Future.failedFuture(new FetchException(FetchFailure.GONE, ACTOR, "410", null)));

    assertThat(failure(fetcher.fetch(ACTOR, FetchBudget.perRequest()))).isEqualTo(FetchFailure.GONE);
    assertThat(failure(fetcher.fetch(ACTOR, FetchBudget.perRequest()))).isEqualTo(FetchFailure.GONE);
    assertThat(calls).hasValue(1);
  }

  @Test
  void fetch_doesNotCacheTransientFailures() {
    answers.add(Future.failedFuture(new FetchException(FetchFailure.NETWORK, ACTOR, "reset", null)));

    assertThat(failure(fetcher.fetch(ACTOR, FetchBudget.perRequest()))).isEqualTo(FetchFailure.NETWORK);
    assertThat(fetcher.fetch(ACTOR, FetchBudget.perRequest()).succeeded()).isTrue();
    assertThat(calls).hasValue(2);
  }

  @Test
  void fetch_sharesOneRequestBetweenConcurrentCallers() {
    Promise<FetchedDocument> slow = Promise.promise();
    answers.add(slow.future());

    Future<FetchedDocument> first = fetcher.fetch(ACTOR, FetchBudget.perRequest());
    Future<FetchedDocument> second = fetcher.fetch(ACTOR, CachingRemoteFetcher.Freshness.NOW, FetchBudget.perRequest());
    slow.complete(document());

    assertThat(first.result().url()).isEqualTo(ACTOR);
    assertThat(second.result().url()).isEqualTo(ACTOR);
    assertThat(calls).hasValue(1);
  }

  @Test
  void invalidate_forgetsTheEntry() {
    fetcher.fetch(ACTOR, FetchBudget.perRequest());

    fetcher.invalidate(ACTOR);
    fetcher.fetch(ACTOR, FetchBudget.perRequest());

    assertThat(calls).hasValue(2);
  }
}

package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.fetch.FetchedDocument;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link RemoteFetcher} serving documents from a map, failing as told, and recording every fetch. */
public final class MapFetcher implements RemoteFetcher {
  private final Map<URI, byte[]> documents = new ConcurrentHashMap<>();
  private final Map<URI, FetchFailure> failures = new ConcurrentHashMap<>();
  private final List<URI> fetched = new CopyOnWriteArrayList<>();
  private final Map<URI, URI> accounts = new ConcurrentHashMap<>();

  /** Serves {@code json} at {@code id}. */
  public MapFetcher serve(URI id, String json) {
    documents.put(id, json.getBytes(StandardCharsets.UTF_8));
    failures.remove(id);
    return this;
  }

  /** Answers WebFinger for {@code account} ({@code acct:user@host}) with {@code actor}. */
  public MapFetcher serveWebFinger(URI account, URI actor) {
    accounts.put(account, actor);
    return this;
  }

  /** Fails fetches of {@code id} with {@code failure}. */
  public MapFetcher fail(URI id, FetchFailure failure) {
    failures.put(id, failure);
    return this;
  }

  /** Every URL fetched so far, in order. */
  public List<URI> fetched() {
    return List.copyOf(fetched);
  }

  @Override
  public Future<URI> webfinger(URI account, FetchBudget budget) {
    return answer(account, budget, accounts::get);
  }

  @Override
  public Future<FetchedDocument> fetch(URI id, FetchBudget budget) {
    return answer(id, budget, url -> {
      byte[] body = documents.get(url);
      return body == null ? null : new FetchedDocument(url, body);
    });
  }

  /** Spends one unit, records {@code id}, then fails as told, or answers what is served (404 when nothing is). */
  private <T> Future<T> answer(URI id, FetchBudget budget, Function<URI, T> served) {
    if (!budget.tryConsume()) {
      return Future.failedFuture(new FetchException(FetchFailure.BUDGET_EXHAUSTED, id, "budget spent", null));
    }
    fetched.add(id);
    FetchFailure failure = failures.get(id);
    if (failure != null) {
      return Future.failedFuture(new FetchException(failure, id, "told to fail", null));
    }
    T value = served.apply(id);
    return value == null
        ? Future.failedFuture(new FetchException(FetchFailure.NOT_FOUND, id, "not served", null))
        : Future.succeededFuture(value);
  }
}

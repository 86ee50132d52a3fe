package dev.fedgate.gateway.fetch;

import io.vertx.core.Future;
import java.net.URI;

/**
 * Fetches remote ActivityPub documents (actors, keys, objects): a GET signed as the instance actor, with the
 * ActivityPub {@code Accept} header, a redirect cap, a body cap, a content-type check, the fetched {@code id} equal to
 * the URL asked for, and private addresses refused at connect time unless configured.
 */
public interface RemoteFetcher {
  /**
   * Fetches {@code id}, consuming one unit of {@code budget}.
   *
   * @return the document, or a future failed with {@link FetchException} naming the {@link FetchFailure}
   */
  Future<FetchedDocument> fetch(URI id, FetchBudget budget);

  /**
   * Fetches {@code id} from its origin, never from a cache: the cached copy is known stale (a signature failed with
   * the key it holds). A fetcher without a cache always goes to the origin, so the default is {@link #fetch}.
   */
  default Future<FetchedDocument> fetchFromOrigin(URI id, FetchBudget budget) {
    return fetch(id, budget);
  }

  /**
   * Resolves an {@code acct:user@host} URI (a legacy key id) through WebFinger on that host: one HTTPS GET, consuming
   * one unit of {@code budget}, through the same address guard and body cap as {@link #fetch}.
   *
   * @return the id of the actor the answer's ActivityPub {@code self} link names, or a future failed with
   *     {@link FetchException}
   */
  Future<URI> webfinger(URI account, FetchBudget budget);
}

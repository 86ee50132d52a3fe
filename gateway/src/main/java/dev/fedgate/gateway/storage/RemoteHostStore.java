package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Delivery health per remote host, shared by every gateway node so that all of them skip a dead host and revive it
 * together. All methods may be called concurrently; each completes off the caller's thread.
 */
public interface RemoteHostStore {

  /**
   * Records that the host answered: a delivery succeeded or a signed request came from it. Clears the failure days
   * and the unavailability. Idempotent.
   *
   * @return the host's state afterwards
   */
  CompletionStage<RemoteHost> recordSuccess(String host, Instant at);

  /**
   * {@link #recordSuccess(String, Instant)} and {@link #rememberSignatureScheme} in one write: a delivery accepted
   * with a scheme the host was not known to accept (its first delivery, above all).
   *
   * @return the host's state afterwards
   */
  CompletionStage<RemoteHost> recordSuccess(String host, Instant at, String scheme);

  /**
   * Records a failed delivery at {@code at}. A failure on a UTC day with no earlier failure since the last success
   * adds one failure day; when the failure days reach {@code unavailableAfterDays}, the host becomes unavailable from
   * {@code at} (Mastodon's rule: failing on 7 distinct days). Concurrent failures on one day count that day once.
   *
   * @return the host's state afterwards
   */
  CompletionStage<RemoteHost> recordFailure(String host, Instant at, int unavailableAfterDays);

  /**
   * Remembers the HTTP signature scheme the host accepted (e.g. {@code rfc9421}), so later deliveries start with it.
   * Idempotent.
   */
  CompletionStage<Void> rememberSignatureScheme(String host, String scheme);

  /** The host's state; empty when nothing was ever recorded for it. */
  CompletionStage<Optional<RemoteHost>> find(String host);

  /** How many known hosts are available, failing and unavailable; for {@code /metrics}. */
  CompletionStage<HostStateCounts> countByState();

  /** Every known host in name order, keyset-paged; for {@code GET /api/v1/hosts}. */
  CompletionStage<Page<RemoteHost>> page(PageRequest page);
}

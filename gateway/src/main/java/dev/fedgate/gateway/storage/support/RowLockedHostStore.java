package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.RemoteHostStore;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * The host-health writes of every SQL backend: each is {@link HostHealthRules} applied to the host's row under a row
 * lock; a backend supplies only {@link #change}, how it reads, locks and writes that row.
 */
public abstract class RowLockedHostStore implements RemoteHostStore {
  /** {@link #countByState()} in SQL both backends run: columns {@code available}, {@code failing}, {@code unavailable}. */
  protected static final String COUNT_BY_STATE_SQL = "SELECT"
      + " COALESCE(SUM(CASE WHEN unavailable_since IS NULL AND failure_days = 0 THEN 1 ELSE 0 END), 0) AS available,"
      + " COALESCE(SUM(CASE WHEN unavailable_since IS NULL AND failure_days > 0 THEN 1 ELSE 0 END), 0) AS failing,"
      + " COALESCE(SUM(CASE WHEN unavailable_since IS NOT NULL THEN 1 ELSE 0 END), 0) AS unavailable"
      + " FROM remote_host";

  /** Reads the host's row under a lock (or a blank state), applies {@code update}, writes it back, returns it. */
  protected abstract CompletionStage<RemoteHost> change(String host, UnaryOperator<RemoteHost> update);

  @Override
  public final CompletionStage<RemoteHost> recordSuccess(String host, Instant at) {
    return change(host, current -> HostHealthRules.success(current, at));
  }

  @Override
  public final CompletionStage<RemoteHost> recordSuccess(String host, Instant at, String scheme) {
    return change(host, current -> HostHealthRules.scheme(HostHealthRules.success(current, at), scheme));
  }

  @Override
  public final CompletionStage<RemoteHost> recordFailure(String host, Instant at, int unavailableAfterDays) {
    if (unavailableAfterDays < 1) {
      throw new IllegalArgumentException("unavailableAfterDays must be at least 1");
    }
    return change(host, current -> HostHealthRules.failure(current, at, unavailableAfterDays));
  }

  @Override
  public final CompletionStage<Void> rememberSignatureScheme(String host, String scheme) {
    return change(host, current -> HostHealthRules.scheme(current, scheme)).thenApply(state -> null);
  }
}

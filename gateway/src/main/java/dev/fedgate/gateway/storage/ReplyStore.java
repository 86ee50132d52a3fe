package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Replies by local accounts to remote content, stored with the deliveries that federate them: a reply and its
 * {@code Create} jobs, and its deletion and {@code Delete} jobs, each commit together or not at all. All methods may
 * be called concurrently; each completes off the caller's thread.
 */
public interface ReplyStore {

  /**
   * Stores a PUBLISHED reply and queues {@code jobs} (at most {@link JobQueue#MAX_ENQUEUE}) in one transaction.
   * Idempotent: when a reply with that id exists (live or deleted) nothing changes and no job is queued.
   *
   * @return {@code CREATED}, {@code UNCHANGED}, or {@code MISSING_REFERENCE} when no local account has that name
   */
  CompletionStage<UpsertResult> add(Reply reply, List<Delivery> jobs);

  /** The reply with that Note id, live or deleted; empty when there is none. */
  CompletionStage<Optional<Stored<Reply>>> find(URI id);

  /**
   * Marks a live reply DELETED at {@code at}, removes its still-queued deliveries (those naming its id) and queues
   * {@code jobs}, in one transaction. Idempotent.
   *
   * @return {@code true} when a live reply was deleted; {@code false} (and nothing queued) otherwise
   */
  CompletionStage<Boolean> delete(URI id, Instant at, List<Delivery> jobs);

  /** An account's replies, live and deleted, oldest first, keyset-paged. Empty for an unknown account. */
  CompletionStage<Page<Stored<Reply>>> page(String account, PageRequest page);
}

package dev.fedgate.gateway.api;

import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.outbox.OutboxRelay;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What the site can do through the Site API, without HTTP: create or update accounts, channels and videos, delete
 * videos, read them back. Every write completes only after its consequences are durable: the actor's keys exist and
 * the deliveries it causes are queued, or, for a fan-out too big to queue within {@link OutboxRelay#DEFAULT_REQUEST_WAIT},
 * marked pending in the write's own transaction and being queued in the background.
 */
public final class SiteApi {
  private final StorageBackend storage;
  private final LocalKeys keys;
  private final OutboxRelay outbox;
  private final ChangeListener changes;
  private final InstantSource clock;

  /**
   * Writes go to {@code storage}, which marks each change as pending federation in the same transaction; new actors
   * get keys from {@code keys}; {@code outbox} then federates the subject's pending change, including one an earlier,
   * interrupted request left behind; {@code changes} hears of every write that changed something, before federation
   * (so a peer that refetches on receipt sees the new version).
   */
  public SiteApi(StorageBackend storage, LocalKeys keys, OutboxRelay outbox, ChangeListener changes,
      InstantSource clock) {
    this.storage = storage;
    this.keys = keys;
    this.outbox = outbox;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Creates or updates an account. Keys are ensured and pending federation is flushed on every call (both
   * idempotent), so an account whose first request was interrupted after the write still gets them; an update
   * federates {@code Update} to its followers.
   */
  public CompletionStage<Change<Account>> putAccount(Account account) {
    return storage.localActors().upsertAccount(account)
        .thenCompose(result -> actorWritten(result, account.name(), "name",
            () -> storage.localActors().findAccount(account.name())));
  }

  /** Creates or updates a channel of an existing account; like {@link #putAccount}. */
  public CompletionStage<Change<Channel>> putChannel(Channel channel) {
    return storage.localActors().upsertChannel(channel)
        .thenCompose(result -> {
          if (result == UpsertResult.MISSING_REFERENCE) {
            throw ApiInput.invalid("/account", "no account named " + channel.account());
          }
          return actorWritten(result, channel.name(), "name",
              () -> storage.localActors().findChannel(channel.name()));
        });
  }

  private <T> CompletionStage<Change<T>> actorWritten(UpsertResult result, String name, String field,
      java.util.function.Supplier<CompletionStage<Optional<Stored<T>>>> reload) {
    if (result == UpsertResult.NAME_TAKEN) {
      throw new FedgateException(ProblemType.CONFLICT,
          "the name " + name + " is already used by another account, channel or the instance actor", field, null);
    }
    return keys.ensureKeys(name)
        .thenRun(() -> {
          if (isChange(result)) {
            changes.actorChanged(name);
          }
        })
        .thenCompose(ignored -> outbox.federatePending(FederationSubject.actor(name)))
        .thenCompose(ignored -> reload.get())
        .thenApply(stored -> new Change<>(result == UpsertResult.CREATED, stored.orElseThrow(() -> gone(name))));
  }

  /**
   * Creates or updates a video: a new video federates {@code Create} (and the instance actor's {@code Announce}), a
   * changed one {@code Update}; the same body again changes nothing and queues only what an interrupted earlier
   * request left pending.
   */
  public CompletionStage<Change<Video>> putVideo(Video video) {
    return storage.videos().upsert(video).thenCompose(result -> {
      if (result == UpsertResult.MISSING_REFERENCE) {
        throw ApiInput.invalid("/channel", "no channel named " + video.channel());
      }
      if (result == UpsertResult.GONE) {
        throw new FedgateException(ProblemType.GONE, "video " + video.uuid() + " was deleted; its id is not reused");
      }
      return storage.videos().find(video.uuid()).thenCompose(found -> {
        Stored<Video> stored = found.orElseThrow(() -> gone(video.uuid().toString()));
        if (isChange(result)) {
          changes.videoChanged(video.uuid());
        }
        return outbox.federatePending(FederationSubject.video(video.uuid()))
            .thenApply(ignored -> new Change<>(result == UpsertResult.CREATED, stored));
      });
    });
  }

  /**
   * Deletes a video: federates {@code Delete} (cancelling its queued {@code Create}/{@code Update}); afterwards its
   * id answers 410. Deleting a deleted video again only federates a {@code Delete} still pending.
   *
   * @return the tombstone, or a {@code not-found} problem when the uuid was never used
   */
  public CompletionStage<VideoTombstone> deleteVideo(UUID uuid) {
    return storage.videos().delete(uuid).thenCompose(deleted -> storage.videos().findTombstone(uuid)
        .thenCompose(tombstone -> {
          VideoTombstone found = tombstone.orElseThrow(() -> notFound("video " + uuid));
          if (deleted) {
            changes.videoChanged(uuid);
          }
          return outbox.federatePending(FederationSubject.video(uuid)).thenApply(ignored -> found);
        }));
  }

  /** The account, or a {@code not-found} problem. */
  public CompletionStage<Stored<Account>> account(String name) {
    return storage.localActors().findAccount(name).thenApply(orNotFound("account " + name));
  }

  /** The channel, or a {@code not-found} problem. */
  public CompletionStage<Stored<Channel>> channel(String name) {
    return storage.localActors().findChannel(name).thenApply(orNotFound("channel " + name));
  }

  /** The live video, or {@code gone} for a deleted one, or {@code not-found}. */
  public CompletionStage<Stored<Video>> video(UUID uuid) {
    return storage.videos().find(uuid).thenCompose(found -> found.isPresent()
        ? CompletableFuture.completedFuture(found.get())
        : storage.videos().findTombstone(uuid).thenApply(tombstone -> {
          throw tombstone.isPresent()
              ? new FedgateException(ProblemType.GONE, "video " + uuid + " was deleted")
              : notFound("video " + uuid);
        }));
  }

  /**
   * One page of an account's or channel's followers in {@code state}, oldest first, keyset-paged.
   *
   * @return the page, or a {@code not-found} problem when no account or channel has that name
   */
  public CompletionStage<Page<Stored<Follow>>> followers(String actorName, FollowState state, PageRequest page) {
    return storage.localActors().findActor(actorName).thenCompose(actor -> {
      if (actor.isEmpty()) {
        throw notFound("account or channel " + actorName);
      }
      return storage.follows().page(actorName, state, page);
    });
  }

  /**
   * One page of a video's comments (local and remote) in the given states, keyset-paged; a deleted video's comments
   * are still listed.
   */
  public CompletionStage<Page<Stored<Comment>>> comments(UUID video, Set<CommentStatus> states, PageRequest page) {
    return storage.videos().find(video)
        .thenCompose(live -> live.isPresent() ? CompletableFuture.completedFuture(true)
            : storage.videos().findTombstone(video).thenApply(Optional::isPresent))
        .thenCompose(exists -> {
          if (!exists) {
            throw notFound("video " + video);
          }
          return storage.comments().pageByVideo(video, states, page);
        });
  }

  /** Remote hosts with their delivery health, in name order, keyset-paged. */
  public CompletionStage<Page<RemoteHost>> hosts(PageRequest page) {
    return storage.remoteHosts().page(page);
  }

  /**
   * Re-queues a host's dead deliveries, due at once. An operator's redrive vouches for the host, so it also counts as
   * contact: the host is available again (otherwise its revived jobs would be skipped at once).
   *
   * @return how many deliveries were re-queued
   */
  public CompletionStage<Integer> redrive(String host) {
    Instant now = clock.instant();
    return storage.remoteHosts().recordSuccess(host, now)
        .thenCompose(ignored -> storage.deliveryJobs().redrive(host, now));
  }

  /** Inbound events for the site (what webhooks carry), oldest first, for sites that poll instead of or as well. */
  public CompletionStage<Page<SiteEvent>> events(PageRequest page) {
    return storage.webhookJobs().events(page);
  }

  private static boolean isChange(UpsertResult result) {
    return result == UpsertResult.CREATED || result == UpsertResult.UPDATED;
  }

  private static <T> Function<Optional<T>, T> orNotFound(String what) {
    return found -> found.orElseThrow(() -> notFound(what));
  }

  private static FedgateException notFound(String what) {
    return new FedgateException(ProblemType.NOT_FOUND, "no " + what);
  }

  /** A row that vanished between our write and our read: a concurrent delete; the client may retry. */
  private static FedgateException gone(String what) {
    return new FedgateException(ProblemType.CONFLICT, what + " changed concurrently; retry the request");
  }
}

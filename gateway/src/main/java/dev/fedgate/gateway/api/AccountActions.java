package dev.fedgate.gateway.api;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.fetch.WebFingerClient;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.AccountActivities;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.outbox.DeliveryQueue;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.ReplyState;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.peertube.Video;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a local account does to remote content through the Site API: follow and unfollow actors, like and unlike
 * objects, reply to them and delete those replies. Targets are resolved first (WebFinger for a handle, then a
 * guarded, signed fetch), the action is stored, and its activity is queued unsigned (signed by the account at send
 * time) before the call completes.
 */
public final class AccountActions {
  private final LocalUrls urls;
  private final StorageBackend storage;
  private final RemoteActorLoader actors;
  private final RemoteFetcher fetcher;
  private final VocabReader reader;
  private final WebFingerClient webFinger;
  private final AccountActivities activities;
  private final DeliveryQueue queue;
  private final InstantSource clock;

  /**
   * Actions stored in {@code storage}; actors resolved through {@code webFinger} and {@code actors}, objects fetched
   * with {@code fetcher} and read with {@code reader}; ids under {@code urls}, times from {@code clock}.
   */
  public AccountActions(LocalUrls urls, StorageBackend storage, RemoteActorLoader actors, RemoteFetcher fetcher,
      VocabReader reader, WebFingerClient webFinger, InstantSource clock) {
    this.urls = urls;
    this.storage = storage;
    this.actors = actors;
    this.fetcher = fetcher;
    this.reader = reader;
    this.webFinger = webFinger;
    this.activities = new AccountActivities(urls);
    this.queue = new DeliveryQueue(storage.deliveryJobs());
    this.clock = clock;
  }

  /**
   * Follows a remote actor: a PENDING follow is stored and {@code Follow} queued to the actor's inbox; asking again
   * re-sends the stored {@code Follow} (same id), so a lost one can be retried.
   */
  public CompletionStage<Change<OutboundAction>> follow(String account, String target) {
    return requireAccount(account).compose(ok -> remoteActor(target, "/target")).compose(actor -> {
      URI id = activities.newId(account, "follows", actor.id(), clock.instant());
      return record(new OutboundAction(account, OutboundKind.FOLLOW, actor.id(), actor.inbox(), id,
          FollowState.PENDING));
    }).compose(change -> send(change, activities.follow(change.stored().value().activityId(), account,
        change.stored().value().object()))).toCompletionStage();
  }

  /** Ends a follow (pending or accepted): it is removed and {@code Undo{Follow}} queued to the actor's inbox. */
  public CompletionStage<Void> unfollow(String account, String target) {
    return requireAccount(account).compose(ok -> actorId(target, "target"))
        .compose(actor -> undo(account, OutboundKind.FOLLOW, actor,
            action -> activities.follow(action.activityId(), account, action.object())))
        .toCompletionStage();
  }

  /** An account's follows in one state, oldest first. */
  public CompletionStage<Page<Stored<OutboundAction>>> following(String account, FollowState state,
      PageRequest page) {
    return requireAccount(account)
        .compose(ok -> Future.fromCompletionStage(storage.outbound().page(account, OutboundKind.FOLLOW, state, page)))
        .toCompletionStage();
  }

  /** Likes a remote Note or Video: stored, and {@code Like} queued to its author's inbox. Liking again re-sends it. */
  public CompletionStage<Change<OutboundAction>> like(String account, URI object) {
    return requireAccount(account).compose(ok -> author(object, "/object")).compose(author -> {
      URI id = activities.newId(account, "likes", object, clock.instant());
      return record(new OutboundAction(account, OutboundKind.LIKE, object, author.inbox(), id, FollowState.ACCEPTED));
    }).compose(change -> send(change, activities.like(change.stored().value().activityId(), account, object)))
        .toCompletionStage();
  }

  /** Withdraws a like: removed, and {@code Undo{Like}} queued to where the like went. */
  public CompletionStage<Void> unlike(String account, URI object) {
    return requireAccount(account).compose(ok -> undo(account, OutboundKind.LIKE, object,
        action -> activities.like(action.activityId(), account, object))).toCompletionStage();
  }

  /**
   * Replies to a remote Note or Video: the reply is stored (served at its id) and its {@code Create{Note}} queued to
   * the author's inbox (its shared inbox when it has one) and to the account's followers, in one transaction. The
   * same text posted again to the same object is the same reply, and nothing is sent again.
   *
   * @return the reply as stored, and whether this call created it; {@code conflict} when that reply was deleted
   */
  public CompletionStage<Change<Reply>> reply(String account, URI inReplyTo, String text) {
    String html = AccountInputs.html(text);
    URI id = urls.reply(account, activities.replyKey(inReplyTo, html)).orElseThrow();
    return requireAccount(account).compose(ok -> findReply(Optional.of(id))).compose(existing -> existing.isPresent()
        ? existingReply(existing.get())
        : author(inReplyTo, "/inReplyTo").compose(author -> {
          Reply reply = new Reply(account, id, inReplyTo, author.id(), author.sharedInbox().orElse(author.inbox()),
              html, clock.instant().truncatedTo(ChronoUnit.MILLIS), ReplyState.PUBLISHED);
          return audience(reply).compose(inboxes -> Future.fromCompletionStage(storage.replies().add(reply,
              queue.jobs(inboxes, account, activities.create(reply), Optional.of(id)))));
        }).compose(result -> result == UpsertResult.MISSING_REFERENCE ? Future.failedFuture(notAnAccount(account))
            : findReply(Optional.of(id)).compose(found -> result == UpsertResult.CREATED
                ? Future.succeededFuture(new Change<>(true, found.orElseThrow()))
                : existingReply(found.orElseThrow())))).toCompletionStage();
  }

  /**
   * Deletes a reply: it becomes a Tombstone (410 at its id), its queued {@code Create} is cancelled and
   * {@code Delete} queued to the same audience, in one transaction. Deleting it again is a no-op.
   */
  public CompletionStage<Void> deleteReply(String account, String key) {
    return requireAccount(account).compose(ok -> findReply(urls.reply(account, key))).<Void>compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new FedgateException(ProblemType.NOT_FOUND,
            "account " + account + " has no reply " + key));
      }
      Reply reply = found.get().value();
      if (reply.state() == ReplyState.DELETED) {
        return Future.succeededFuture();
      }
      Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Stored<Reply> deleted = new Stored<>(reply.withState(ReplyState.DELETED), found.get().createdAt(), at);
      return audience(reply).compose(inboxes -> Future.fromCompletionStage(storage.replies().delete(reply.id(), at,
          queue.jobs(inboxes, account, activities.delete(deleted), Optional.empty())))).mapEmpty();
    }).toCompletionStage();
  }

  /** An account's replies, live and deleted, oldest first. */
  public CompletionStage<Page<Stored<Reply>>> replies(String account, PageRequest page) {
    return requireAccount(account)
        .compose(ok -> Future.fromCompletionStage(storage.replies().page(account, page))).toCompletionStage();
  }

  private Future<Optional<Stored<Reply>>> findReply(Optional<URI> id) {
    return id.isEmpty() ? Future.succeededFuture(Optional.empty())
        : Future.fromCompletionStage(storage.replies().find(id.get()));
  }

  private static Future<Change<Reply>> existingReply(Stored<Reply> reply) {
    return reply.value().state() == ReplyState.DELETED
        ? Future.failedFuture(new FedgateException(ProblemType.CONFLICT,
            "this reply was deleted; a reply with other text can be posted"))
        : Future.succeededFuture(new Change<>(false, reply));
  }

  /** Where a reply's activities go: the author's inbox and the account's followers' inboxes. */
  private Future<Set<URI>> audience(Reply reply) {
    return Future.fromCompletionStage(storage.follows().deliveryInboxes(List.of(reply.account()))).map(followers -> {
      Set<URI> inboxes = new LinkedHashSet<>();
      inboxes.add(reply.authorInbox());
      inboxes.addAll(followers);
      return inboxes;
    });
  }

  private Future<Change<OutboundAction>> record(OutboundAction action) {
    return Future.fromCompletionStage(storage.outbound().add(action)).compose(result -> {
      if (result == UpsertResult.MISSING_REFERENCE) {
        return Future.failedFuture(notAnAccount(action.account()));
      }
      return Future.fromCompletionStage(storage.outbound().find(action.account(), action.kind(), action.object()))
          .map(found -> new Change<>(result == UpsertResult.CREATED, found.orElseThrow(() -> new FedgateException(
              ProblemType.CONFLICT, "the action changed concurrently; retry the request"))));
    });
  }

  private Future<Change<OutboundAction>> send(Change<OutboundAction> change, ObjectActivity activity) {
    OutboundAction action = change.stored().value();
    return enqueue(List.of(action.inbox()), action.account(), activity).map(change);
  }

  /** Removes the account's action on {@code object} and queues the {@code Undo} of the activity that made it. */
  private Future<Void> undo(String account, OutboundKind kind, URI object,
      Function<OutboundAction, ObjectActivity> rebuild) {
    return Future.fromCompletionStage(storage.outbound().find(account, kind, object)).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new FedgateException(ProblemType.NOT_FOUND,
            "account " + account + " has no " + kind.name().toLowerCase(Locale.ROOT) + " of " + object));
      }
      OutboundAction action = found.get().value();
      return Future.fromCompletionStage(storage.outbound().remove(account, kind, object))
          .compose(removed -> removed ? enqueue(List.of(action.inbox()), account, activities.undo(rebuild.apply(action)))
              : Future.succeededFuture());
    });
  }

  private Future<Void> enqueue(Collection<URI> inboxes, String account, ApObject activity) {
    return Future.fromCompletionStage(queue.enqueue(inboxes, account, activity, Optional.empty()));
  }

  private Future<Void> requireAccount(String account) {
    return Future.fromCompletionStage(storage.localActors().findAccount(account))
        .compose(found -> found.isPresent() ? Future.succeededFuture() : Future.failedFuture(notAnAccount(account)));
  }

  private static FedgateException notAnAccount(String account) {
    return new FedgateException(ProblemType.NOT_FOUND, "no local account " + account + " (only accounts act)",
        "name", null);
  }

  /** The actor a handle or URL names, fetched (or cached) with its inboxes. */
  private Future<RemoteActor> remoteActor(String target, String field) {
    return actorId(target, field).compose(id -> actors.load(id, FetchBudget.perRequest())
        .recover(failure -> Future.failedFuture(unreachable(field, id, failure))));
  }

  /** The actor id a handle ({@code @user@host}, by WebFinger) or an http(s) URL names; never one of ours. */
  private Future<URI> actorId(String target, String field) {
    Future<URI> id;
    if (WebFingerClient.HANDLE.matcher(target).matches()) {
      id = webFinger.resolve(target).recover(failure -> Future.failedFuture(unreachable(field, null, failure)));
    } else {
      try {
        id = Future.succeededFuture(ApiInput.httpUrl(field, target));
      } catch (FedgateException e) {
        return Future.failedFuture(e);
      }
    }
    return id.compose(uri -> urls.isLocal(uri)
        ? Future.failedFuture(ApiInput.invalid(field, "names a local actor; only remote actors are followed"))
        : Future.succeededFuture(uri));
  }

  /** The author (first {@code attributedTo}) of the remote Note or Video at {@code object}, with its inboxes. */
  private Future<RemoteActor> author(URI object, String field) {
    if (urls.isLocal(object)) {
      return Future.failedFuture(ApiInput.invalid(field, "names a local object; only remote objects are acted on"));
    }
    FetchBudget budget = FetchBudget.perRequest();
    return fetcher.fetch(object, budget).compose(document -> {
      List<Ref<Actor>> attributedTo;
      try {
        ApObject read = reader.read(document.body());
        attributedTo = read instanceof Note note ? note.attributedTo()
            : read instanceof Video video ? video.attributedTo() : List.of();
      } catch (VocabException e) {
        return Future.failedFuture(ApiInput.invalid(field, "is not a readable ActivityPub object"));
      }
      if (attributedTo.isEmpty()) {
        return Future.failedFuture(ApiInput.invalid(field, "must be a Note or Video with an author"));
      }
      return actors.load(attributedTo.get(0).id(), budget);
    }).recover(failure -> Future.failedFuture(unreachable(field, object, failure)));
  }

  /** A problem for a target we could not resolve: 503 when a retry may work, else 400 naming the field. */
  private static Throwable unreachable(String field, URI url, Throwable failure) {
    if (!(failure instanceof FetchException fetch)) {
      return failure;
    }
    String what = url == null ? "" : " " + url;
    if (fetch.failure().retryable()) {
      return new FedgateException(ProblemType.UNAVAILABLE, "could not reach" + what + "; retry later", field, fetch);
    }
    return ApiInput.invalid(field, "could not be resolved (" + fetch.failure().name().toLowerCase(Locale.ROOT) + ")");
  }
}

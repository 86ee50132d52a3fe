package dev.fedgate.gateway.api;

import dev.fedgate.gateway.inbox.SiteEvents;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.outbox.RequestAnswers;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The site's decisions on what waits for it: pending follows of accounts and channels that approve followers
 * manually, and remote replies held under videos whose comments need approval (FEP-5624). Each decision queues its
 * answer to the remote actor's own inbox before the state changes, so a retried request after a crash answers again
 * with the same activity id rather than losing the answer.
 */
public final class Approvals {
  private final StorageBackend storage;
  private final RequestAnswers answers;
  private final LocalUrls urls;
  private final SiteEvents events;

  /** Decisions stored in {@code storage}, answered through {@code answers}, with our ids built by {@code urls}. */
  public Approvals(StorageBackend storage, RequestAnswers answers, LocalUrls urls) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.urls = Objects.requireNonNull(urls, "urls");
    this.events = new SiteEvents(storage.webhookJobs());
  }

  /** A pending follow and the local actor it waits on. */
  private record Pending(LocalActor actor, Follow follow) {}

  /**
   * Accepts {@code follower}'s pending follow of the account or channel: {@code Accept} is queued, the follow is in
   * effect.
   *
   * @return the accepted follow; a {@code not-found} problem when there is no such actor or follow, {@code conflict}
   *     when it was already accepted
   */
  public CompletionStage<Stored<Follow>> acceptFollower(ActorKind kind, String name, URI follower) {
    return pending(kind, name, follower).thenCompose(p -> answers.acceptFollow(p.actor(), p.follow())
        .thenCompose(queued -> storage.follows().upsert(withState(p.follow(), FollowState.ACCEPTED)))
        .thenCompose(written -> storage.follows().find(name, follower))
        .thenApply(found -> found.orElseThrow(() -> changed(follower))));
  }

  /**
   * Rejects {@code follower}'s pending follow: {@code Reject} is queued and the follow removed.
   *
   * @return completes once done; problems as {@link #acceptFollower}
   */
  public CompletionStage<Void> rejectFollower(ActorKind kind, String name, URI follower) {
    return pending(kind, name, follower).thenCompose(p -> answers.rejectFollow(p.actor(), p.follow())
        .thenCompose(queued -> storage.follows().remove(name, follower))
        .thenApply(removed -> null));
  }

  private CompletionStage<Pending> pending(ActorKind kind, String name, URI follower) {
    String what = kind == ActorKind.CHANNEL ? "channel " : "account ";
    return storage.localActors().findActor(name).thenCompose(actor -> {
      if (actor.isEmpty() || actor.get().kind() != kind) {
        throw notFound("no " + what + name);
      }
      return storage.follows().find(name, follower).thenApply(follow -> {
        if (follow.isEmpty()) {
          throw notFound("no follow of " + what + name + " by " + follower);
        }
        if (follow.get().value().state() != FollowState.PENDING) {
          throw new FedgateException(ProblemType.CONFLICT, "the follow by " + follower + " is already accepted");
        }
        return new Pending(actor.get(), follow.get().value());
      });
    });
  }

  private static Follow withState(Follow f, FollowState state) {
    return new Follow(f.localActor(), f.follower(), f.inbox(), f.sharedInbox(), state, f.activityId());
  }

  /** A held reply, the video's account (which answers) and the reply as the answer names it. */
  private record Held(Stored<Comment> comment, String account, RequestAnswers.Reply reply) {}

  /**
   * Approves the held reply {@code note} under {@code video}: {@code ApproveReply} is queued to its author, the
   * comment becomes visible, and the site hears {@code comment.approved}.
   *
   * @return the visible comment; {@code not-found} when the video has no such reply, {@code conflict} when it is not
   *     held
   */
  public CompletionStage<Stored<Comment>> approveComment(UUID video, URI note) {
    return held(video, note).thenCompose(h -> answers.approveReply(h.account(), h.reply())
        .thenCompose(queued -> storage.comments().setStatus(h.comment().value().id(), CommentStatus.VISIBLE))
        .thenCompose(set -> events.send(SiteEvents.event("comment.approved", h.reply().author(), note)
            .put("video", video.toString()).put("comment", h.comment().value().id())
            .put("object", note.toString())).toCompletionStage())
        .thenCompose(sent -> storage.comments().find(h.comment().value().id()))
        .thenApply(found -> found.orElseThrow(() -> changed(note))));
  }

  /**
   * Rejects the held reply {@code note}: {@code RejectReply} is queued to its author and the comment is deleted.
   *
   * @return completes once done; problems as {@link #approveComment}
   */
  public CompletionStage<Void> rejectComment(UUID video, URI note) {
    return held(video, note).thenCompose(h -> answers.rejectReply(h.account(), h.reply())
        .thenCompose(queued -> storage.comments().setStatus(h.comment().value().id(), CommentStatus.DELETED))
        .thenApply(deleted -> null));
  }

  private CompletionStage<Held> held(UUID video, URI note) {
    return storage.comments().findByRemoteId(note).thenCompose(found -> {
      Optional<Stored<Comment>> comment = found.filter(c -> c.value().video().equals(video));
      if (comment.isEmpty() || !(comment.get().value().author() instanceof CommentAuthor.Remote author)) {
        throw notFound("no remote comment " + note + " under video " + video);
      }
      if (comment.get().value().status() != CommentStatus.HELD) {
        throw new FedgateException(ProblemType.CONFLICT, "the comment " + note + " is not held for approval");
      }
      return account(video).thenCompose(account -> inReplyTo(comment.get().value())
          .thenCompose(parent -> storage.remoteActors().find(author.actor()).thenApply(actor -> {
            URI inbox = actor.orElseThrow(() -> new FedgateException(ProblemType.CONFLICT,
                "the author " + author.actor() + " is not known any more; it may have been deleted")).inbox();
            return new Held(comment.get(), account, new RequestAnswers.Reply(note, parent, author.actor(), inbox));
          })));
    });
  }

  /** The account owning the live video's channel: PeerTube takes approvals only from it. */
  private CompletionStage<String> account(UUID video) {
    return storage.videos().find(video).thenCompose(live -> {
      String channel = live.orElseThrow(() -> notFound("no live video " + video)).value().channel();
      return storage.localActors().findChannel(channel).thenApply(found -> found.map(Stored::value)
          .map(Channel::account).orElseThrow(() -> changed(urls.channel(channel))));
    });
  }

  /** What the reply answers: the video, or its parent comment by ActivityPub id. */
  private CompletionStage<URI> inReplyTo(Comment comment) {
    if (comment.parent().isEmpty()) {
      return CompletableFuture.completedFuture(urls.video(comment.video()));
    }
    long parent = comment.parent().get();
    return storage.comments().find(parent).thenApply(found -> found.flatMap(c -> c.value().remoteId())
        .orElse(urls.comment(comment.video(), parent)));
  }

  private static FedgateException notFound(String detail) {
    return new FedgateException(ProblemType.NOT_FOUND, detail);
  }

  /** A row that vanished between two reads: a concurrent change; the client may retry. */
  private static FedgateException changed(URI what) {
    return new FedgateException(ProblemType.CONFLICT, what + " changed concurrently; retry the request");
  }
}

package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Accept;
import dev.fedgate.vocab.activity.ApproveReply;
import dev.fedgate.vocab.activity.Envelope;
import dev.fedgate.vocab.activity.Reject;
import dev.fedgate.vocab.activity.RejectReply;
import dev.fedgate.vocab.json.VocabWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Answers to a remote actor's request, queued to that actor's own inbox (where PeerTube and Mastodon expect them):
 * {@code Accept} or {@code Reject} of a {@code Follow}, from the followed actor, and FEP-5624 {@code ApproveReply} or
 * {@code RejectReply} of a held reply, from the video's account. Each answer's id is stable per request, so a
 * re-sent answer is de-duplicated by the receiver.
 */
public final class RequestAnswers {
  private final DeliveryJobStore deliveries;
  private final LocalUrls urls;
  private final VocabWriter writer = VocabWriter.create();

  /** Answers queued in {@code deliveries}, from actors whose ids {@code urls} builds. */
  public RequestAnswers(DeliveryJobStore deliveries, LocalUrls urls) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** Queues {@code Accept} of {@code follow} (the Follow embedded) from {@code followed}; completes once durable. */
  public CompletionStage<Void> acceptFollow(LocalActor followed, Follow follow) {
    URI actor = urls.actor(followed.kind(), followed.name());
    URI id = answerId(actor, "accepts/follows", follow.activityId());
    return queue(follow.inbox(), followed.name(),
        new Accept(envelope(id, actor, follow.follower()), Ref.embed(follow(actor, follow))));
  }

  /** Queues {@code Reject} of {@code follow} from {@code followed}; completes once durable. */
  public CompletionStage<Void> rejectFollow(LocalActor followed, Follow follow) {
    URI actor = urls.actor(followed.kind(), followed.name());
    URI id = answerId(actor, "rejects/follows", follow.activityId());
    return queue(follow.inbox(), followed.name(),
        new Reject(envelope(id, actor, follow.follower()), Ref.embed(follow(actor, follow))));
  }

  /**
   * Queues {@code ApproveReply} of the reply {@code note} to {@code inReplyTo} from the video's {@code account}
   * (PeerTube accepts it only from that actor) to the author's {@code inbox}.
   */
  public CompletionStage<Void> approveReply(String account, Reply reply) {
    URI actor = urls.account(account);
    URI id = answerId(actor, "approvals/replies", reply.note());
    return queue(reply.authorInbox(), account, new ApproveReply(envelope(id, actor, reply.author()),
        Ref.of(reply.note()), Optional.of(reply.inReplyTo())));
  }

  /** Queues {@code RejectReply} of {@code reply}, like {@link #approveReply}. */
  public CompletionStage<Void> rejectReply(String account, Reply reply) {
    URI actor = urls.account(account);
    URI id = answerId(actor, "rejects/replies", reply.note());
    return queue(reply.authorInbox(), account, new RejectReply(envelope(id, actor, reply.author()),
        Ref.of(reply.note()), Optional.of(reply.inReplyTo())));
  }

  /** A remote reply being answered: its id, what it replies to, its author and the author's own inbox. */
  public record Reply(URI note, URI inReplyTo, URI author, URI authorInbox) {
    /** Checks presence. */
    public Reply {
      Objects.requireNonNull(note, "note");
      Objects.requireNonNull(inReplyTo, "inReplyTo");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(authorInbox, "authorInbox");
    }
  }

  /** The Follow as the follower sent it, rebuilt from what is stored (receivers match it by id). */
  private static dev.fedgate.vocab.activity.Follow follow(URI followed, Follow follow) {
    return new dev.fedgate.vocab.activity.Follow(Envelope.of(follow.activityId(), follow.follower(), Audience.NONE),
        Ref.of(followed));
  }

  private static Envelope envelope(URI id, URI actor, URI to) {
    return Envelope.of(id, actor, new Audience(List.of(to), List.of()));
  }

  private CompletionStage<Void> queue(URI inbox, String signer, ApObject activity) {
    String json = new String(writer.write(activity), StandardCharsets.UTF_8);
    Delivery job = new Delivery(inbox, signer, activity.id(), Optional.empty(), json);
    return deliveries.enqueueAll(List.of(job)).thenApply(ids -> null);
  }

  /** {@code <actor>/<kind>/<hash of the request id>}: stable per request. */
  static URI answerId(URI actor, String kind, URI request) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8));
      return URI.create(actor + "/" + kind + "/" + HexFormat.of().formatHex(hash, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

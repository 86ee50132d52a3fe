package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.Envelope;
import dev.fedgate.vocab.activity.Follow;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.activity.Undo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The activities a local account sends about remote things: {@code Follow}, {@code Like}, their {@code Undo}, and a
 * reply's {@code Create{Note}} and {@code Delete}. Each new follow or like gets a fresh id (object hash and time), so
 * following again after an unfollow is not dropped as a duplicate by receivers that remember ids.
 */
public final class AccountActivities {
  private final LocalUrls urls;
  private final CommentMapper comments;

  /** Activities of accounts under {@code urls}. */
  public AccountActivities(LocalUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
    this.comments = new CommentMapper(urls);
  }

  /** A new id for {@code account}'s action of {@code kind} ({@code follows}, {@code likes}, ...) on {@code object}. */
  public URI newId(String account, String kind, URI object, Instant at) {
    return URI.create(urls.account(account) + "/" + kind + "/" + hash(object.toString()) + "-" + at.toEpochMilli());
  }

  /** {@code Follow} of {@code target}, unaddressed like Mastodon's (the inbox it is posted to is its audience). */
  public Follow follow(URI id, String account, URI target) {
    return new Follow(Envelope.of(id, urls.account(account), Audience.NONE), Ref.of(target));
  }

  /** {@code Like} of {@code object}, unaddressed like Mastodon's; it goes to the author's inbox. */
  public Like like(URI id, String account, URI object) {
    return new Like(Envelope.of(id, urls.account(account), Audience.NONE), Ref.of(object));
  }

  /**
   * {@code Undo} of a follow or like, the undone activity embedded (Mastodon and PeerTube match it by actor and
   * object), addressed as the undone one was.
   */
  public Undo undo(ObjectActivity undone) {
    return new Undo(Envelope.of(URI.create(undone.id() + "/undo"), undone.actor().id(), undone.audience()),
        Ref.embed(undone));
  }

  /**
   * The key of {@code account}'s reply with {@code html} to {@code inReplyTo}: the same reply posted again gets the
   * same Note id, so a retried request is not federated twice.
   */
  public String replyKey(URI inReplyTo, String html) {
    return hash(inReplyTo + "\n" + html);
  }

  /** The public {@code Create{Note}} of a reply, shaped as {@link CommentMapper#note} shapes comments. */
  public Create create(Reply reply) {
    Note note = comments.note(reply);
    return new Create(envelope(LocalUrls.activity(note.id(), "create"), note, reply.published()), Ref.embed(note));
  }

  /** The {@code Delete} of a deleted reply, its Tombstone embedded, addressed as its {@code Create} was. */
  public Delete delete(Stored<Reply> deleted) {
    Note note = comments.note(deleted.value());
    return new Delete(envelope(LocalUrls.activity(note.id(), "delete"), note, deleted.updatedAt()),
        Ref.embed(comments.replyTombstone(deleted)));
  }

  /** An activity by the Note's author about it, addressed as the Note is. */
  private static Envelope envelope(URI id, Note note, Instant published) {
    return new Envelope(id, note.attributedTo().get(0), note.audience(), Optional.of(published), Extensions.NONE);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package dev.fedgate.gateway.mapping;

import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Create;
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
 * reply {@code Create{Note}}. Each new action gets a fresh id (object hash and time), so following again after an
 * unfollow is not dropped as a duplicate by receivers that remember ids.
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
    return URI.create(urls.account(account) + "/" + kind + "/" + hash(object) + "-" + at.toEpochMilli());
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
   * A public reply {@code Create{Note}} by {@code account} to {@code inReplyTo}, written by {@code author}, shaped as
   * {@link CommentMapper#note} shapes comments. {@code html} is the already escaped content.
   */
  public Create reply(URI noteId, String account, URI inReplyTo, URI author, String html, Instant published) {
    Note note = comments.note(noteId, account, inReplyTo, html, Optional.of(author), published);
    return new Create(new Envelope(LocalUrls.activity(noteId, "create"), Ref.of(urls.account(account)),
        note.audience(), Optional.of(published), Extensions.NONE), Ref.embed(note));
  }

  private static String hash(URI object) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(object.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

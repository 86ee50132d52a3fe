package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Mention;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.ValueObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Comments as {@code Note}s: a local account's comment under a local video, or its reply to remote content. Content
 * is HTML (Mastodon shows {@code content} as HTML and PeerTube sanitizes it alike); the Note is public, {@code cc} the
 * author's followers and whoever is replied to, with a {@code Mention} of them so Mastodon notifies them (reference
 * mastodon.md §(d)).
 */
public final class CommentMapper {
  private final LocalUrls urls;

  /** Comments with ids built by {@code urls}. */
  public CommentMapper(LocalUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** A stored comment's ActivityPub id: ours for a local comment, the remote author's for a remote one. */
  public URI id(Comment comment) {
    return comment.author() instanceof CommentAuthor.Remote && comment.remoteId().isPresent()
        ? comment.remoteId().get() : urls.comment(comment.video(), comment.id());
  }

  /**
   * A local account's comment replying to {@code inReplyTo} (the video, or the parent comment's id), mentioning the
   * parent's remote author when there is one.
   */
  public Note note(Stored<Comment> stored, String account, URI inReplyTo, Optional<URI> mentioned) {
    Comment comment = stored.value();
    return note(id(comment), account, inReplyTo, comment.content(), mentioned, comment.publishedAt());
  }

  /** A public Note by {@code account} with HTML content, addressed and tagged as the class comment says. */
  public Note note(URI id, String account, URI inReplyTo, String html, Optional<URI> mentioned, Instant published) {
    URI actor = urls.account(account);
    List<URI> cc = new ArrayList<>(List.of(LocalUrls.followers(actor)));
    mentioned.ifPresent(cc::add);
    List<ValueObject> tag = mentioned.<List<ValueObject>>map(m -> List.of(new Mention(m, Optional.empty())))
        .orElse(List.of());
    return new Note(id, List.of(Ref.of(actor)), Optional.of(Ref.of(inReplyTo)), LocalizedText.EMPTY,
        LocalizedText.of(html), Optional.empty(), LocalizedText.EMPTY, Optional.of(false),
        new Audience(List.of(Audience.PUBLIC), cc), tag, List.of(), List.of(Link.of(id)), Optional.of(published),
        Optional.empty(), Optional.empty(), Extensions.NONE);
  }

  /** A local account's reply to remote content, mentioning the author replied to. */
  public Note note(Reply reply) {
    return note(reply.id(), reply.account(), reply.inReplyTo(), reply.content(), Optional.of(reply.author()),
        reply.published());
  }

  /** What a deleted reply's id serves, with 410, deleted when it was last updated. */
  public Tombstone replyTombstone(Stored<Reply> stored) {
    return Tombstone.of(stored.value().id(), "Note", stored.value().published(), stored.updatedAt());
  }

  /** What a deleted local comment's id serves, with 410, as PeerTube serves a deleted comment. */
  public Tombstone tombstone(Stored<Comment> stored) {
    return Tombstone.of(id(stored.value()), "Note", stored.value().publishedAt(), stored.updatedAt());
  }
}

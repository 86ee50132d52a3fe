package dev.fedgate.vocab;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Note}: a comment on a video, or a Mastodon reply. PeerTube reads {@code content} (markdown or HTML),
 * {@code inReplyTo}, {@code attributedTo}, {@code to}/{@code cc}, {@code published} and {@code replyApproval}.
 */
public record Note(
    URI id,
    List<Ref<Actor>> attributedTo,
    Optional<Ref<ApObject>> inReplyTo,
    LocalizedText name,
    LocalizedText content,
    Optional<String> mediaType,
    LocalizedText summary,
    Optional<Boolean> sensitive,
    Audience audience,
    List<ValueObject> tag,
    List<ValueObject> attachment,
    List<Link> url,
    Optional<Instant> published,
    Optional<Instant> updated,
    Optional<URI> replyApproval,
    Extensions extensions)
    implements ApObject {
  /** Copies the lists and checks that nothing is null. */
  public Note {
    Objects.requireNonNull(id, "id");
    attributedTo = List.copyOf(attributedTo);
    Objects.requireNonNull(inReplyTo, "inReplyTo");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(sensitive, "sensitive");
    Objects.requireNonNull(audience, "audience");
    tag = List.copyOf(tag);
    attachment = List.copyOf(attachment);
    url = List.copyOf(url);
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(replyApproval, "replyApproval");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** A comment by {@code author} replying to {@code inReplyTo} (a video or a comment), as PeerTube renders one. */
  public static Note comment(
      URI id, URI author, URI inReplyTo, String markdown, Audience audience, Instant published) {
    return new Note(id, List.of(Ref.of(author)), Optional.of(Ref.of(inReplyTo)), LocalizedText.EMPTY,
        LocalizedText.of(markdown), Optional.of("text/markdown"), LocalizedText.EMPTY, Optional.empty(), audience,
        List.of(), List.of(), List.of(Link.of(id)), Optional.of(published), Optional.of(published), Optional.empty(),
        Extensions.NONE);
  }

  /** This note with {@code tag} replaced (mentions of the people replied to). */
  public Note withTag(List<ValueObject> tag) {
    return new Note(id, attributedTo, inReplyTo, name, content, mediaType, summary, sensitive, audience, tag,
        attachment, url, published, updated, replyApproval, extensions);
  }

  /** This note with {@code replyApproval} set (PeerTube re-sends an approved reply with it). */
  public Note withReplyApproval(URI approval) {
    return new Note(id, attributedTo, inReplyTo, name, content, mediaType, summary, sensitive, audience, tag,
        attachment, url, published, updated, Optional.of(approval), extensions);
  }
}

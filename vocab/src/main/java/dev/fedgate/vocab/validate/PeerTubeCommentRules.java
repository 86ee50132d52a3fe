package dev.fedgate.vocab.validate;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Tombstone;
import java.util.List;

/**
 * PeerTube's acceptance rules for a comment: {@code sanitizeAndCheckVideoCommentObject} in
 * {@code server/core/helpers/custom-validators/activitypub/video-comments.ts} (reference peertube.md §4.1). A comment
 * is a {@code Note}, or a {@code Tombstone} of one.
 */
public final class PeerTubeCommentRules {
  /** Only a Note, or a Tombstone whose {@code formerType} is Note; refuse. */
  public static final Rule<ApObject> TYPE = new Rule<>("peertube.comment.type", (o, f) -> {
    if (o instanceof Tombstone t && !t.formerType().filter("Note"::equals).isPresent()) {
      f.refuse("/formerType", "a comment Tombstone must have formerType Note");
    } else if (!(o instanceof Note) && !(o instanceof Tombstone)) {
      f.refuse("/type", "must be Note or Tombstone");
    }
    return o;
  });

  /** Note: {@code id} URL, non-empty {@code content}, {@code inReplyTo} URL, {@code published} date; refuse. */
  public static final Rule<ApObject> NOTE_FIELDS = new Rule<>("peertube.comment.note-fields", (o, f) -> {
    if (o instanceof Note n) {
      if (!WebUrls.valid(n.id())) {
        f.refuse("/id", "must be an http(s) URL");
      }
      if (n.content().best().filter(c -> !c.isEmpty()).isEmpty()) {
        f.refuse("/content", "must not be empty");
      }
      if (n.inReplyTo().filter(r -> WebUrls.valid(r.id())).isEmpty()) {
        f.refuse("/inReplyTo", "must be the URL of the video or of the parent comment");
      }
      if (n.published().isEmpty()) {
        f.refuse("/published", "is required");
      }
    }
    return o;
  });

  /** Public must be in {@code to} or {@code cc}: PeerTube refuses non-public comments; refuse. */
  public static final Rule<ApObject> PUBLIC = new Rule<>("peertube.comment.public", (o, f) -> {
    if (o instanceof Note n && !n.audience().publicAnywhere()) {
      f.refuse("/to", "Public must be in to or cc");
    }
    return o;
  });

  /** Note {@code url} defaults to {@code id}; adjust. */
  public static final Rule<ApObject> URL_DEFAULT = new Rule<>("peertube.comment.url-default", (o, f) -> {
    if (o instanceof Note n && n.url().isEmpty()) {
      f.adjust("/url", "missing: defaults to id");
      return new Note(n.id(), n.attributedTo(), n.inReplyTo(), n.name(), n.content(), n.mediaType(), n.summary(),
          n.sensitive(), n.audience(), n.tag(), n.attachment(), List.of(Link.of(n.id())), n.published(),
          n.updated(), n.replyApproval(), n.extensions());
    }
    return o;
  });

  /** Tombstone: {@code published}, {@code deleted} and {@code url} are required; refuse. */
  public static final Rule<ApObject> TOMBSTONE_FIELDS = new Rule<>("peertube.comment.tombstone-fields", (o, f) -> {
    if (o instanceof Tombstone t) {
      if (t.published().isEmpty()) {
        f.refuse("/published", "is required");
      }
      if (t.deleted().isEmpty()) {
        f.refuse("/deleted", "is required");
      }
      if (t.url().isEmpty()) {
        f.refuse("/url", "is required");
      }
    }
    return o;
  });

  /** Every rule, in PeerTube's order of checks. */
  public static final RuleSet<ApObject> ALL = RuleSet.of(TYPE, NOTE_FIELDS, PUBLIC, URL_DEFAULT, TOMBSTONE_FIELDS);

  private PeerTubeCommentRules() {}

  /** Validates {@code comment} as PeerTube would after fetching it. */
  public static Validation<ApObject> validate(ApObject comment) {
    return ALL.validate(comment);
  }
}

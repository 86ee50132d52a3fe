package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.validate.PeerTubeCommentRules;
import dev.fedgate.vocab.validate.Validation;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Notes as the comment handlers need them: the embedded note, or the note fetched by reference from its origin; its
 * author (the first {@code attributedTo}, as Mastodon reads it); and its HTML sanitized on the CPU executor.
 */
final class RemoteNotes {
  private final RemoteFetcher fetcher;
  private final VocabReader reader;
  private final HtmlSanitizer sanitizer;
  private final Executor cpu;

  RemoteNotes(RemoteFetcher fetcher, VocabReader reader, HtmlSanitizer sanitizer, Executor cpu) {
    this.fetcher = fetcher;
    this.reader = reader;
    this.sanitizer = sanitizer;
    this.cpu = cpu;
  }

  /**
   * The note {@code object} is or names, as PeerTube would keep it as a comment; empty when it is something else or a
   * note PeerTube refuses (not public, so a private reply never becomes a public comment; no content; no
   * {@code inReplyTo} URL; no {@code published}).
   */
  Future<Optional<Note>> note(Ref<ApObject> object, FetchBudget budget) {
    return anyNote(object, budget).map(note -> note.flatMap(RemoteNotes::asComment));
  }

  private static Optional<Note> asComment(Note note) {
    return PeerTubeCommentRules.validate(note) instanceof Validation.Accepted<ApObject> accepted
        ? Optional.of((Note) accepted.value()) : Optional.empty();
  }

  private Future<Optional<Note>> anyNote(Ref<ApObject> object, FetchBudget budget) {
    if (object.embedded().isPresent()) {
      return Future.succeededFuture(object.embedded().filter(Note.class::isInstance).map(Note.class::cast));
    }
    URI id = object.id();
    return fetcher.fetch(id, budget).compose(document -> {
      try {
        ApObject fetched = reader.read(document.body());
        if (!fetched.id().equals(id)) {
          return Future.failedFuture(new FetchException(FetchFailure.ID_MISMATCH, id, "the document has another id", null));
        }
        return Future.succeededFuture(Optional.of(fetched).filter(Note.class::isInstance).map(Note.class::cast));
      } catch (VocabException e) {
        return Future.failedFuture(new FetchException(FetchFailure.BAD_CONTENT_TYPE, id, e.getMessage(), e));
      }
    });
  }

  /** Whether {@code actor} wrote {@code note}. */
  static boolean writtenBy(Note note, URI actor) {
    return !note.attributedTo().isEmpty() && note.attributedTo().get(0).id().equals(actor);
  }

  /** The note's HTML content, sanitized. */
  Future<String> content(Note note) {
    String html = note.content().best().orElse("");
    return Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> sanitizer.sanitize(html), cpu));
  }
}

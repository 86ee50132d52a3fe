package dev.fedgate.signatures;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The "double-knock" rule (Mastodon main, Fedify): sign with the first scheme, and on a status that means "your
 * signature was not accepted" try the other once; remember per host what worked. The memory is the caller's: this
 * is a pure function of (remembered scheme, scheme used, status).
 */
public record SchemePreference(SignatureScheme first, SignatureScheme fallback, Set<Integer> retryStatuses) {
  /** draft-cavage first (PeerTube accepts only it), RFC 9421 on 400 or 401, as Mastodon main does. */
  public static final SchemePreference CAVAGE_FIRST =
      new SchemePreference(SignatureScheme.CAVAGE_12, SignatureScheme.RFC_9421, Set.of(400, 401));

  /** Checks the parts. */
  public SchemePreference {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(fallback, "fallback");
    retryStatuses = Set.copyOf(retryStatuses);
    if (first == fallback) {
      throw new IllegalArgumentException("fallback must differ from first");
    }
  }

  /** The scheme for a first attempt: what worked for this host before, else {@link #first()}. */
  public SignatureScheme initial(Optional<SignatureScheme> rememberedForHost) {
    return rememberedForHost.orElse(first);
  }

  /** What to do after an answer. */
  public sealed interface Decision permits Remember, Retry, Done {}

  /** The answer was a success: remember this scheme for the host. */
  public record Remember(SignatureScheme scheme) implements Decision {}

  /** The signature was refused: retry once with this scheme. */
  public record Retry(SignatureScheme scheme) implements Decision {}

  /** Nothing to learn (a failure unrelated to signing, or the retry already happened). */
  public record Done() implements Decision {}

  /** The decision after a response with {@code status} to a request signed with {@code used}, on attempt 1 or 2. */
  public Decision onResponse(SignatureScheme used, int status, int attempt) {
    if (status >= 200 && status < 300) {
      return new Remember(used);
    }
    if (attempt == 1 && retryStatuses.contains(status)) {
      return new Retry(used == first ? fallback : first);
    }
    return new Done();
  }
}

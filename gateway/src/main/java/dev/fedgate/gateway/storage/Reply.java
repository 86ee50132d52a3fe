package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A local account's reply to a remote Note or Video: the Note's id (ours, under the account), what it answers, the
 * remote author replied to (mentioned, and the inbox its {@code Create} and {@code Delete} go to), the escaped HTML
 * content and when it was published.
 */
public record Reply(String account, URI id, URI inReplyTo, URI author, URI authorInbox, String content,
    Instant published, ReplyState state) {
  /** Checks that every component is present. */
  public Reply {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inReplyTo, "inReplyTo");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(authorInbox, "authorInbox");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(state, "state");
  }

  /** This reply in {@code state}. */
  public Reply withState(ReplyState state) {
    return new Reply(account, id, inReplyTo, author, authorInbox, content, published, state);
  }
}

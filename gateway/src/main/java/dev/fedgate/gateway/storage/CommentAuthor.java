package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;

/** Who wrote a comment: a local account, or a remote actor by id. */
public sealed interface CommentAuthor permits CommentAuthor.Local, CommentAuthor.Remote {

  /** A local account, by name. */
  record Local(String account) implements CommentAuthor {
    /** Checks presence. */
    public Local {
      Objects.requireNonNull(account, "account");
    }
  }

  /** A remote actor, by its id. */
  record Remote(URI actor) implements CommentAuthor {
    /** Checks presence. */
    public Remote {
      Objects.requireNonNull(actor, "actor");
    }
  }
}

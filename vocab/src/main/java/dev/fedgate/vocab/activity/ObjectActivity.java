package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;

/** An activity with exactly one {@code object}: every activity but {@link Flag}, which may report several. */
public sealed interface ObjectActivity extends Activity
    permits Follow, Accept, Reject, Undo, Create, Update, Delete, Announce, Like, Dislike, View, Move, Block,
        ApproveReply, RejectReply {
  /** The object acted on: an id, or the object embedded. */
  Ref<ApObject> object();
}

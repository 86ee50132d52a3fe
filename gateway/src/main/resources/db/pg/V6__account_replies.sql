-- Replies by local accounts to remote Notes and Videos, served at their Note id.
CREATE TABLE account_reply (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account text NOT NULL REFERENCES local_actor (name),
  note_id text NOT NULL UNIQUE,
  in_reply_to text NOT NULL,
  author text NOT NULL,
  author_inbox text NOT NULL,
  content text NOT NULL,
  published_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('PUBLISHED', 'DELETED')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- An account's replies page reads (account) in seq order.
CREATE INDEX account_reply_page ON account_reply (account, seq);

-- Replies by local accounts to remote Notes and Videos, served at their Note id; pages read (account, seq) in order.
CREATE TABLE account_reply (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account VARCHAR(255) NOT NULL REFERENCES local_actor (name),
  note_id VARCHAR(4096) NOT NULL UNIQUE,
  in_reply_to VARCHAR(4096) NOT NULL,
  author VARCHAR(4096) NOT NULL,
  author_inbox VARCHAR(4096) NOT NULL,
  content VARCHAR NOT NULL,
  published_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX account_reply_page ON account_reply (account, seq);

-- Follows and likes by local accounts of remote actors and objects.
CREATE TABLE outbound_action (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account text NOT NULL REFERENCES local_actor (name),
  kind text NOT NULL CHECK (kind IN ('FOLLOW', 'LIKE')),
  object text NOT NULL,
  inbox text NOT NULL,
  activity_id text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (account, kind, object)
);
-- An account's following and likes pages and counts read (account, kind, state) in seq order.
CREATE INDEX outbound_action_page ON outbound_action (account, kind, state, seq);
-- "Does any account follow this actor?" on every inbound Create/Update/Delete of a remote video.
CREATE INDEX outbound_action_object ON outbound_action (object, kind, state);

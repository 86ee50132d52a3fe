-- Follows and likes by local accounts of remote actors and objects; pages read (account, kind, state, seq) in order.
CREATE TABLE outbound_action (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account VARCHAR(255) NOT NULL REFERENCES local_actor (name),
  kind VARCHAR(16) NOT NULL,
  object VARCHAR(4096) NOT NULL,
  inbox VARCHAR(4096) NOT NULL,
  activity_id VARCHAR(4096) NOT NULL UNIQUE,
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  UNIQUE (account, kind, object)
);
CREATE INDEX outbound_action_page ON outbound_action (account, kind, state, seq);
CREATE INDEX outbound_action_object ON outbound_action (object, kind, state);

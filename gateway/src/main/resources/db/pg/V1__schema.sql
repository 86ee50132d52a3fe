-- The PostgreSQL schema, version 1. Released scripts never change: a change is a new V<n>__ script.
-- Enumerations are text with CHECKs (readable in psql, no type to migrate); nested values (pictures, files, tags)
-- are JSON text written by StoredJson, as the embedded backend keeps them.

CREATE TABLE local_actor (
  name text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('ACCOUNT', 'CHANNEL', 'APPLICATION')),
  account_name text REFERENCES local_actor (name),
  display_name text,
  summary text,
  url text,
  avatar text,
  banner text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- NodeInfo counts accounts and channels.
CREATE INDEX local_actor_kind ON local_actor (kind);

CREATE TABLE local_actor_key (
  actor_name text NOT NULL REFERENCES local_actor (name),
  algorithm text NOT NULL,
  public_key bytea NOT NULL,
  private_key bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (actor_name, algorithm)
);

CREATE TABLE video (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE,
  channel_name text NOT NULL REFERENCES local_actor (name),
  name text NOT NULL,
  description text NOT NULL,
  duration_seconds bigint NOT NULL,
  published_at timestamptz NOT NULL,
  url text NOT NULL,
  embed_url text,
  thumbnails text NOT NULL,
  files text NOT NULL,
  hls text,
  tags text NOT NULL,
  language text,
  licence text,
  category text,
  sensitive boolean NOT NULL,
  comments_policy text NOT NULL CHECK (comments_policy IN ('ENABLED', 'DISABLED', 'APPROVAL')),
  live boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);
-- Outbox pages: a channel's live videos newest first, read in index order and stopped after the page.
CREATE INDEX video_channel_published ON video (channel_name, published_at DESC, seq DESC) WHERE deleted_at IS NULL;

CREATE TABLE video_views (
  video_uuid uuid PRIMARY KEY REFERENCES video (uuid),
  views bigint NOT NULL
);

CREATE TABLE video_comment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  video_uuid uuid NOT NULL REFERENCES video (uuid),
  remote_id text UNIQUE,
  author_account text REFERENCES local_actor (name),
  author_actor text,
  content text NOT NULL,
  parent_id bigint REFERENCES video_comment (id),
  root_id bigint REFERENCES video_comment (id),
  status text NOT NULL CHECK (status IN ('VISIBLE', 'HELD', 'DELETED')),
  published_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((author_account IS NULL) <> (author_actor IS NULL))
);
-- Comments by video: the replies collection and the Site API page through a video's comments in id order.
CREATE INDEX video_comment_page ON video_comment (video_uuid, id);
-- Delete of a remote actor tombstones its comments.
CREATE INDEX video_comment_author ON video_comment (author_actor) WHERE author_actor IS NOT NULL;

CREATE TABLE follow (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  local_actor text NOT NULL REFERENCES local_actor (name),
  follower text NOT NULL,
  inbox text NOT NULL,
  shared_inbox text,
  state text NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED')),
  activity_id text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (local_actor, follower)
);
-- Followers by channel: followers pages, counts and the delivery fan-out all read (local_actor, state) in seq order.
CREATE INDEX follow_page ON follow (local_actor, state, seq);
-- Delete of a remote actor, and 410 Gone from a personal inbox, remove its follows.
CREATE INDEX follow_follower ON follow (follower);
CREATE INDEX follow_inbox ON follow (inbox);

CREATE TABLE remote_actor (
  id text PRIMARY KEY,
  type text NOT NULL,
  username text,
  inbox text NOT NULL,
  shared_inbox text,
  fetched_at timestamptz NOT NULL
);

CREATE TABLE remote_key (
  key_id text PRIMARY KEY,
  actor_id text NOT NULL REFERENCES remote_actor (id) ON DELETE CASCADE,
  position integer NOT NULL,
  algorithm text NOT NULL,
  encoded text NOT NULL
);
CREATE INDEX remote_key_actor ON remote_key (actor_id, position);

CREATE TABLE interaction (
  video_uuid uuid NOT NULL REFERENCES video (uuid),
  actor text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('LIKE', 'DISLIKE', 'SHARE')),
  activity_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (video_uuid, actor, kind)
);
-- Delete of a remote actor removes its interactions; counts per video use the primary key's prefix.
CREATE INDEX interaction_actor ON interaction (actor);

CREATE TABLE remote_host (
  host text PRIMARY KEY,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  failure_days integer NOT NULL,
  unavailable_since timestamptz,
  signature_scheme text
);

-- Inbox de-duplication: the primary key is the hot path (one insert per accepted activity, ON CONFLICT DO NOTHING).
CREATE TABLE inbox_seen (
  activity_id text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);
-- Pruning old marks.
CREATE INDEX inbox_seen_at ON inbox_seen (seen_at);

-- The three job queues share their job columns. Due jobs are claimed from two partial indexes, never-tried jobs
-- first, each in due order, so a claim reads only the rows it takes (plus those under a lease, few as workers).
CREATE TABLE inbox_item (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id text NOT NULL,
  recipient text,
  signer text NOT NULL,
  body text NOT NULL,
  state text NOT NULL CHECK (state IN ('QUEUED', 'DEAD')),
  attempts integer NOT NULL,
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  last_error text,
  lease_token uuid,
  lease_until timestamptz
);
CREATE INDEX inbox_item_fresh ON inbox_item (due_at, id) WHERE state = 'QUEUED' AND attempts = 0;
CREATE INDEX inbox_item_retry ON inbox_item (due_at, id) WHERE state = 'QUEUED' AND attempts > 0;

CREATE TABLE delivery_job (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inbox text NOT NULL,
  host text NOT NULL,
  signer text NOT NULL,
  activity_id text NOT NULL,
  object_id text,
  body text NOT NULL,
  state text NOT NULL CHECK (state IN ('QUEUED', 'DEAD')),
  attempts integer NOT NULL,
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  last_error text,
  lease_token uuid,
  lease_until timestamptz
);
CREATE INDEX delivery_job_fresh ON delivery_job (due_at, id) WHERE state = 'QUEUED' AND attempts = 0;
CREATE INDEX delivery_job_retry ON delivery_job (due_at, id) WHERE state = 'QUEUED' AND attempts > 0;
-- Deleting a local object cancels its queued deliveries.
CREATE INDEX delivery_job_object ON delivery_job (object_id) WHERE object_id IS NOT NULL;
-- The hosts API pages a host's jobs per state; redrive revives a host's dead jobs.
CREATE INDEX delivery_job_host ON delivery_job (host, state, id);

CREATE TABLE webhook_job (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_type text NOT NULL,
  body text NOT NULL,
  state text NOT NULL CHECK (state IN ('QUEUED', 'DEAD')),
  attempts integer NOT NULL,
  due_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  last_error text,
  lease_token uuid,
  lease_until timestamptz
);
CREATE INDEX webhook_job_fresh ON webhook_job (due_at, id) WHERE state = 'QUEUED' AND attempts = 0;
CREATE INDEX webhook_job_retry ON webhook_job (due_at, id) WHERE state = 'QUEUED' AND attempts > 0;

-- The event log the site polls; its id is the webhook job's id.
CREATE TABLE site_event (
  id bigint PRIMARY KEY,
  event_type text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
-- Pruning old events.
CREATE INDEX site_event_created ON site_event (created_at);

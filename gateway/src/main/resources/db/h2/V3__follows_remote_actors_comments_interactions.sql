-- Followers of local actors. Pages read (local_actor, state, seq) in order: keyset, no OFFSET.
CREATE TABLE follow (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  local_actor VARCHAR(255) NOT NULL REFERENCES local_actor (name),
  follower VARCHAR(4096) NOT NULL,
  inbox VARCHAR(4096) NOT NULL,
  shared_inbox VARCHAR(4096),
  state VARCHAR(16) NOT NULL,
  activity_id VARCHAR(4096) NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  UNIQUE (local_actor, follower)
);
CREATE INDEX follow_page ON follow (local_actor, state, seq);
CREATE INDEX follow_follower ON follow (follower);
CREATE INDEX follow_inbox ON follow (inbox);

-- Cached remote actors and their keys; a key id has one owner.
CREATE TABLE remote_actor (
  id VARCHAR(4096) PRIMARY KEY,
  type VARCHAR(64) NOT NULL,
  username VARCHAR(255),
  inbox VARCHAR(4096) NOT NULL,
  shared_inbox VARCHAR(4096),
  fetched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE TABLE remote_key (
  key_id VARCHAR(4096) PRIMARY KEY,
  actor_id VARCHAR(4096) NOT NULL REFERENCES remote_actor (id) ON DELETE CASCADE,
  position INT NOT NULL,
  algorithm VARCHAR(64) NOT NULL,
  encoded VARCHAR(65536) NOT NULL
);
CREATE INDEX remote_key_actor ON remote_key (actor_id, position);

-- Comments under local videos, threaded by parent and root.
CREATE TABLE video_comment (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  video_uuid UUID NOT NULL REFERENCES video (uuid),
  remote_id VARCHAR(4096) UNIQUE,
  author_account VARCHAR(255) REFERENCES local_actor (name),
  author_actor VARCHAR(4096),
  content VARCHAR NOT NULL,
  parent_id BIGINT REFERENCES video_comment (id),
  root_id BIGINT REFERENCES video_comment (id),
  status VARCHAR(16) NOT NULL,
  published_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CHECK ((author_account IS NULL) <> (author_actor IS NULL))
);
CREATE INDEX video_comment_page ON video_comment (video_uuid, id);
CREATE INDEX video_comment_author ON video_comment (author_actor);

-- Likes, dislikes and shares: one per video, actor and kind.
CREATE TABLE interaction (
  video_uuid UUID NOT NULL REFERENCES video (uuid),
  actor VARCHAR(4096) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  activity_id VARCHAR(4096) NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (video_uuid, actor, kind)
);
CREATE INDEX interaction_actor ON interaction (actor);

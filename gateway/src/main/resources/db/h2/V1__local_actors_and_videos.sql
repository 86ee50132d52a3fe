-- Local actors: accounts, channels and the instance actor share one namespace of names.
CREATE TABLE local_actor (
  name VARCHAR(255) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  account_name VARCHAR(255) REFERENCES local_actor (name),
  display_name VARCHAR(1000),
  summary VARCHAR,
  url VARCHAR(4096),
  avatar VARCHAR(8192),
  banner VARCHAR(8192),
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX local_actor_kind ON local_actor (kind);

-- Key pairs as opaque bytes; one per actor and algorithm.
CREATE TABLE local_actor_key (
  actor_name VARCHAR(255) NOT NULL REFERENCES local_actor (name),
  algorithm VARCHAR(64) NOT NULL,
  public_key VARBINARY(16384) NOT NULL,
  private_key VARBINARY(65536) NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (actor_name, algorithm)
);

-- Videos; a deleted video keeps its row as a tombstone (deleted_at set). Lists are JSON text.
CREATE TABLE video (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid UUID NOT NULL UNIQUE,
  channel_name VARCHAR(255) NOT NULL REFERENCES local_actor (name),
  name VARCHAR(1000) NOT NULL,
  description VARCHAR NOT NULL,
  duration_seconds BIGINT NOT NULL,
  published_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  url VARCHAR(4096) NOT NULL,
  embed_url VARCHAR(4096),
  thumbnails VARCHAR NOT NULL,
  files VARCHAR NOT NULL,
  hls VARCHAR,
  tags VARCHAR NOT NULL,
  language VARCHAR(64),
  licence VARCHAR(128),
  category VARCHAR(128),
  sensitive BOOLEAN NOT NULL,
  comments_policy VARCHAR(16) NOT NULL,
  live BOOLEAN NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  deleted_at TIMESTAMP(6) WITH TIME ZONE
);
-- Outbox pages: a channel's live videos, newest first.
CREATE INDEX video_channel_published ON video (channel_name, published_at DESC, seq DESC);

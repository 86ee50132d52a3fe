-- The transactional outbox: a change to a local video or actor whose deliveries are not queued yet. Written in the
-- change's transaction, removed in the transaction that queues its deliveries; one row per subject. The version
-- comes from one sequence, so a mark read before a newer change of its subject no longer matches.
CREATE SEQUENCE federation_version;
CREATE TABLE federation_pending (
  subject_type text NOT NULL CHECK (subject_type IN ('VIDEO', 'ACTOR')),
  subject_key text NOT NULL,
  change_kind text NOT NULL CHECK (change_kind IN ('CREATED', 'UPDATED', 'DELETED')),
  version bigint NOT NULL,
  marked_at timestamptz NOT NULL,
  PRIMARY KEY (subject_type, subject_key)
);
-- The recovery sweep reads the oldest marks first.
CREATE INDEX federation_pending_version ON federation_pending (version);

-- The instance actor's outbox and an account's outbox page all live videos, newest first.
CREATE INDEX video_published ON video (published_at DESC, seq DESC) WHERE deleted_at IS NULL;

-- The likes, dislikes and shares collections page a video's interactions of one kind in the order recorded.
ALTER TABLE interaction ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX interaction_video_kind ON interaction (video_uuid, kind, seq);

-- View totals per video, increased by periodic flushes of in-memory counts.
CREATE TABLE video_views (
  video_uuid UUID PRIMARY KEY REFERENCES video (uuid),
  views BIGINT NOT NULL
);

-- Events for the site to poll; the id is the id of the webhook job carrying the same event.
CREATE TABLE site_event (
  id BIGINT PRIMARY KEY,
  event_type VARCHAR(100) NOT NULL,
  body CLOB NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX site_event_created ON site_event (created_at);

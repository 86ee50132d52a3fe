-- Job queues share one shape: the common job columns, then the payload's own. A claim reads never-tried
-- jobs from *_fresh, then retries from *_due, each in index order, and stamps lease_token; completion finds
-- the row by id and token.
CREATE TABLE delivery_job (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inbox VARCHAR(4096) NOT NULL,
  host VARCHAR(300) NOT NULL,
  signer VARCHAR(255) NOT NULL,
  activity_id VARCHAR(4096) NOT NULL,
  object_id VARCHAR(4096),
  body CLOB NOT NULL,
  state VARCHAR(8) NOT NULL,
  attempts INT NOT NULL,
  due_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_error VARCHAR(2000),
  lease_token UUID,
  lease_until TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX delivery_job_fresh ON delivery_job (state, attempts, due_at, id);
CREATE INDEX delivery_job_due ON delivery_job (state, due_at, id);
CREATE INDEX delivery_job_lease ON delivery_job (lease_token);
CREATE INDEX delivery_job_object ON delivery_job (object_id);
CREATE INDEX delivery_job_host ON delivery_job (host, state, id);

CREATE TABLE webhook_job (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_type VARCHAR(100) NOT NULL,
  body CLOB NOT NULL,
  state VARCHAR(8) NOT NULL,
  attempts INT NOT NULL,
  due_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_error VARCHAR(2000),
  lease_token UUID,
  lease_until TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX webhook_job_fresh ON webhook_job (state, attempts, due_at, id);
CREATE INDEX webhook_job_due ON webhook_job (state, due_at, id);
CREATE INDEX webhook_job_lease ON webhook_job (lease_token);

-- Inbound activities waiting to be processed.
CREATE TABLE inbox_item (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id VARCHAR(4096) NOT NULL,
  recipient VARCHAR(255),
  signer VARCHAR(4096) NOT NULL,
  body CLOB NOT NULL,
  state VARCHAR(8) NOT NULL,
  attempts INT NOT NULL,
  due_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_error VARCHAR(2000),
  lease_token UUID,
  lease_until TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX inbox_item_fresh ON inbox_item (state, attempts, due_at, id);
CREATE INDEX inbox_item_due ON inbox_item (state, due_at, id);
CREATE INDEX inbox_item_lease ON inbox_item (lease_token);

-- De-duplication marks: the primary key makes "mark seen" atomic across connections and nodes.
CREATE TABLE inbox_seen (
  activity_id VARCHAR(4096) PRIMARY KEY,
  seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX inbox_seen_at ON inbox_seen (seen_at);

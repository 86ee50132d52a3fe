-- Without a webhook URL, site events are logged without a webhook job (nothing would deliver it), so an event's id can
-- no longer come from webhook_job's identity alone. One sequence numbers jobs and events from now on, continuing after
-- the last value the identity gave (event ids only grow, so a site's cursor stays valid).
CREATE SEQUENCE site_event_id CACHE 1000;
ALTER SEQUENCE site_event_id RESTART WITH (SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS
  WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'WEBHOOK_JOB' AND COLUMN_NAME = 'ID');
ALTER TABLE webhook_job ALTER COLUMN id DROP IDENTITY;
ALTER TABLE webhook_job ALTER COLUMN id SET DEFAULT NEXT VALUE FOR site_event_id;

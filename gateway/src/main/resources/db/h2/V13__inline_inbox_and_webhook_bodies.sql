-- Bodies of inbox activities, webhooks and site events are kept in their rows rather than as LOBs: they are small
-- (capped by the inbox's body limit) and read whole, and a LOB costs extra maps written on every commit and a
-- cleaner thread.
ALTER TABLE inbox_item ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE webhook_job ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE site_event ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;

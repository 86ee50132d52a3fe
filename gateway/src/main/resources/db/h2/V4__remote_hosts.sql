-- Delivery health per remote host, shared by every node.
CREATE TABLE remote_host (
  host VARCHAR(300) PRIMARY KEY,
  last_success_at TIMESTAMP(6) WITH TIME ZONE,
  last_failure_at TIMESTAMP(6) WITH TIME ZONE,
  failure_days INT NOT NULL,
  unavailable_since TIMESTAMP(6) WITH TIME ZONE,
  signature_scheme VARCHAR(32)
);

/**
 * Backend-neutral helpers every storage backend shares (page cursors, the order of each keyset listing and the SQL
 * that reads it forward or backward, stored JSON, host-health rules), and the group commit that callers put in
 * front of a store whose cost is per commit.
 */
package dev.fedgate.gateway.storage.support;

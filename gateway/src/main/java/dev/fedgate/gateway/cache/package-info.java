/**
 * Keeping the gateway's in-memory caches (rendered documents, remote keys, fetched documents) current when something
 * changes, on this node and, over PostgreSQL {@code LISTEN/NOTIFY}, on every node sharing the database.
 */
package dev.fedgate.gateway.cache;

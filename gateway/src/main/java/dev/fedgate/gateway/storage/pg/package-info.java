/**
 * The {@code postgres} storage backend: every store of the SPI on PostgreSQL through the Vert.x reactive client, with
 * versioned migrations under {@code db/pg/} and job queues claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * gateway nodes share one database.
 */
package dev.fedgate.gateway.storage.pg;

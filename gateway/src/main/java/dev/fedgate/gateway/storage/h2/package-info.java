/**
 * The {@code embedded} storage backend on H2: a file database under the data directory (or in memory for tests),
 * schema scripts under {@code db/h2/} applied at open, JDBC on a bounded pool of its own threads.
 */
package dev.fedgate.gateway.storage.h2;

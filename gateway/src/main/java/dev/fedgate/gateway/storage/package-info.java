/**
 * The storage SPI: everything Fedgate keeps, split by concern into stores that a {@link
 * dev.fedgate.gateway.storage.StorageBackend} exposes, opened by a {@link dev.fedgate.gateway.storage.StorageProvider}
 * found with {@link java.util.ServiceLoader}.
 *
 * <p>Conventions every backend keeps (and the contract suite in {@code dev.fedgate.testkit.storage} checks):
 *
 * <ul>
 *   <li>Every method returns a {@link java.util.concurrent.CompletionStage} and never blocks the calling thread;
 *       callers on an event loop adapt it once ({@code Future.fromCompletionStage(stage, context)}).
 *   <li>"Not found" is {@link java.util.Optional#empty()}; refusals of a write are {@link
 *       dev.fedgate.gateway.storage.UpsertResult} values, not failures. A stage fails only for programmer errors
 *       (e.g. a malformed page cursor) and database trouble.
 *   <li>Writes are explicit upserts that say what they did, so callers federate only real changes.
 *   <li>Times the store assigns come from the injected {@link java.time.InstantSource}; every stored time is kept to
 *       the microsecond.
 *   <li>Listings are keyset-paged with opaque cursors, forward (after a cursor) and backward (before one), stable
 *       under concurrent inserts; no OFFSET.
 *   <li>Queues claim under leases and are safe with several gateway nodes on one database.
 * </ul>
 *
 * <p>This package must not depend on Vert.x or on any backend.
 */
package dev.fedgate.gateway.storage;

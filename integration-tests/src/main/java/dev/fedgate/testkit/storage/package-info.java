/**
 * The storage contract suite: abstract JUnit 5 classes that every storage backend must pass, published so that a site
 * writing its own backend runs the same tests as ours.
 *
 * <p>To run it, write one test class with a {@code @Nested} class per contract, each opening a fresh, empty backend
 * that uses the contract's {@code clock}:
 *
 * <pre>{@code
 * class MyStorageTest {
 *   @Nested
 *   class Videos extends VideoStoreContract {
 *     @Override
 *     protected StorageBackend openBackend() {
 *       return StoreContract.await(new MyProvider().open(
 *           StorageSettings.builder().url(freshDatabaseUrl()).clock(clock).build()));
 *     }
 *   }
 *   // ... one per contract: StorageBackendContract, LocalActorStoreContract, CommentStoreContract,
 *   // FollowStoreContract, RemoteActorStoreContract, RemoteHostStoreContract, InteractionStoreContract,
 *   // InboxStoreContract, DeliveryJobStoreContract, WebhookJobStoreContract, and DurabilityContract
 *   // (which reopens one persistent database).
 * }
 * }</pre>
 */
package dev.fedgate.testkit.storage;

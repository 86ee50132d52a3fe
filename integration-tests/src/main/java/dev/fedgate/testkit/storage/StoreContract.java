package dev.fedgate.testkit.storage;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.StorageBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every storage contract: opens a fresh, empty backend before each test and closes it after. A backend
 * author extends each {@code XxxStoreContract} (JUnit {@code @Nested} classes in one test work well) and supplies
 * {@link #openBackend()}, which must give the backend {@link #clock} as its clock.
 */
public abstract class StoreContract {
  /** How long one storage call may take before a test fails instead of hanging. */
  protected static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** Where {@link #clock} starts in every test. */
  protected static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  /** The clock the backend must use ({@code StorageSettings.Builder#clock}); tests advance it. */
  protected final TestClock clock = new TestClock(START);

  /** The backend under test, fresh for each test. */
  protected StorageBackend backend;

  /** A new backend over an empty database, using {@link #clock}; each call must return an independent one. */
  protected abstract StorageBackend openBackend();

  @BeforeEach
  final void openFreshBackend() {
    backend = openBackend();
  }

  @AfterEach
  final void closeBackend() {
    // No backend when opening it was skipped (no test server) or failed; that outcome is the one to report.
    if (backend != null) {
      await(backend.close());
    }
  }

  /** Waits for a stage and returns its value; a failure is rethrown with its cause. */
  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("storage call failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("storage call did not complete within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Starts {@code count} calls without waiting in between (so they overlap in the backend), then awaits all. */
  protected static <T> List<T> race(int count, IntFunction<CompletionStage<T>> call) {
    List<CompletableFuture<T>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(call.apply(i).toCompletableFuture());
    }
    List<T> results = new ArrayList<>();
    calls.forEach(c -> results.add(await(c)));
    return results;
  }

  /** Reads every page of a listing in order, starting from the first page. */
  protected static <T> List<T> readAllPages(Function<PageRequest, Page<T>> read, int pageSize) {
    List<T> all = new ArrayList<>();
    Page<T> page = read.apply(PageRequest.first(pageSize));
    all.addAll(page.items());
    while (page.next().isPresent()) {
      page = read.apply(PageRequest.after(page.next().get(), pageSize));
      all.addAll(page.items());
    }
    return all;
  }

  /** Waits for a stage that must fail, and returns the cause it failed with. */
  protected static Throwable awaitFailure(CompletionStage<?> stage) {
    try {
      Object value = stage.toCompletableFuture().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected the storage call to fail, but it returned " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("storage call did not complete within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.StorageBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /**
   * Reads every page of a listing forward from the first page, then backward along {@code prev} from the last page,
   * and answers the items in listing order. Checks the cursors' contract on the way: the first page has no
   * {@code prev} and every later one has; the last page read forward has no {@code next}; reading backward gives the
   * same pages, each with a {@code next}, and stops at a page without {@code prev}.
   */
  protected static <T> List<T> readAllPagesBothWays(Function<PageRequest, Page<T>> read, int pageSize) {
    List<List<T>> forward = new ArrayList<>();
    Page<T> page = read.apply(PageRequest.first(pageSize));
    assertThat(page.prev()).as("prev of the first page").isEmpty();
    forward.add(page.items());
    while (page.next().isPresent()) {
      page = read.apply(PageRequest.after(page.next().get(), pageSize));
      assertThat(page.prev()).as("prev of page %d", forward.size() + 1).isPresent();
      forward.add(page.items());
    }
    List<List<T>> backward = new ArrayList<>(List.of(page.items()));
    while (page.prev().isPresent()) {
      page = read.apply(PageRequest.before(page.prev().get(), pageSize));
      assertThat(page.next()).as("next of a page read backward").isPresent();
      backward.add(0, page.items());
    }
    assertThat(backward).as("the pages read backward").isEqualTo(forward);
    return forward.stream().flatMap(List::stream).toList();
  }

  /**
   * Reads a listing backward from its end (reached forward first), running {@code beforeEachPage} before each read
   * backward, and answers the items of those reads in listing order.
   */
  protected static <T> List<T> readBackwardFromTheEnd(Function<PageRequest, Page<T>> read, int pageSize,
      Runnable beforeEachPage) {
    Page<T> page = read.apply(PageRequest.first(pageSize));
    while (page.next().isPresent()) {
      page = read.apply(PageRequest.after(page.next().get(), pageSize));
    }
    List<T> seen = new ArrayList<>(page.items());
    while (page.prev().isPresent()) {
      beforeEachPage.run();
      page = read.apply(PageRequest.before(page.prev().get(), pageSize));
      seen.addAll(0, page.items());
    }
    return seen;
  }

  /** The page after {@code cursor}, or the first page without one. */
  protected static PageRequest afterOrFirst(Optional<String> cursor, int limit) {
    return cursor.map(after -> PageRequest.after(after, limit)).orElseGet(() -> PageRequest.first(limit));
  }

  /** A listing refuses a cursor it did not make, after or before it, with {@link IllegalArgumentException}. */
  protected static void assertMalformedCursorsFail(Function<PageRequest, CompletionStage<?>> read) {
    for (PageRequest request : List.of(PageRequest.after("not a cursor!", 5), PageRequest.before("%%%", 5))) {
      assertThat(awaitFailure(read.apply(request))).as(request.toString())
          .isInstanceOf(IllegalArgumentException.class);
    }
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

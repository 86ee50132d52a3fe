package dev.fedgate.gateway.storage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SharedReadsTest {
  /** Each read started, in order, with the future the test completes. */
  private final List<String> keysRead = new ArrayList<>();
  private final List<CompletableFuture<Integer>> reads = new ArrayList<>();
  private final SharedReads<String, Integer> shared = new SharedReads<>(key -> {
    keysRead.add(key);
    CompletableFuture<Integer> read = new CompletableFuture<>();
    reads.add(read);
    return read;
  });

  @Test
  void callersWhileAReadRuns_joinIt() {
    CompletableFuture<Integer> first = shared.read("cooking").toCompletableFuture();
    CompletableFuture<Integer> second = shared.read("cooking").toCompletableFuture();

    assertThat(keysRead).containsExactly("cooking");
    assertThat(second).isNotDone();
    reads.get(0).complete(3);
    assertThat(first).isCompletedWithValue(3);
    assertThat(second).isCompletedWithValue(3);
  }

  @Test
  void aCompletedRead_isNotKept() {
    CompletionStage<Integer> first = shared.read("cooking");
    reads.get(0).complete(3);

    CompletableFuture<Integer> later = shared.read("cooking").toCompletableFuture();

    assertThat(first.toCompletableFuture()).isCompletedWithValue(3);
    assertThat(keysRead).containsExactly("cooking", "cooking");
    reads.get(1).complete(4);
    assertThat(later).isCompletedWithValue(4);
  }

  @Test
  void aFailedRead_failsEveryCallerOfIt_andIsNotKept() {
    CompletableFuture<Integer> first = shared.read("cooking").toCompletableFuture();
    CompletableFuture<Integer> second = shared.read("cooking").toCompletableFuture();
    reads.get(0).completeExceptionally(new IllegalStateException("store down"));

    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
    shared.read("cooking");
    assertThat(keysRead).hasSize(2);
  }

  @Test
  void aReaderThatThrows_failsItsCaller_andIsNotKept() {
    SharedReads<String, Integer> throwing = new SharedReads<>(key -> {
      keysRead.add(key);
      throw new IllegalStateException("no connection");
    });

    assertThat(throwing.read("cooking").toCompletableFuture()).isCompletedExceptionally();
    assertThat(throwing.read("cooking").toCompletableFuture()).isCompletedExceptionally();
    assertThat(keysRead).containsExactly("cooking", "cooking");
  }

  @Test
  void differentKeys_areReadSeparately() {
    shared.read("cooking");
    shared.read("gardening");

    assertThat(keysRead).containsExactly("cooking", "gardening");
  }

  @Test
  void aCallerCancellingItsStage_leavesTheOthersRead() {
    CompletableFuture<Integer> first = shared.read("cooking").toCompletableFuture();
    CompletableFuture<Integer> second = shared.read("cooking").toCompletableFuture();

    first.cancel(false);
    reads.get(0).complete(3);

    assertThat(second).isCompletedWithValue(3);
  }
}

package dev.fedgate.gateway.storage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  /** A writer whose writes complete only when the test says so, recording each group. */
  private static final class ManualWriter {
    final List<List<Integer>> groups = new ArrayList<>();
    final List<CompletableFuture<List<String>>> writes = new ArrayList<>();

    synchronized CompletionStage<List<String>> write(List<Integer> group) {
      groups.add(group);
      CompletableFuture<List<String>> write = new CompletableFuture<>();
      writes.add(write);
      return write;
    }

    void finish(int write) {
      writes.get(write).complete(groups.get(write).stream().map(i -> "r" + i).toList());
    }
  }

  @Test
  void idleCall_isWrittenAtOnce() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1, writer::write);

    CompletionStage<String> result = commit.submit(1);

    assertThat(writer.groups).containsExactly(List.of(1));
    writer.finish(0);
    assertThat(result.toCompletableFuture().join()).isEqualTo("r1");
  }

  @Test
  void waiting_countsCallsHeldBehindAWriteUntilTheirGroupStarts() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1, writer::write);
    commit.submit(1);
    commit.submit(2);
    commit.submit(3);

    assertThat(commit.waiting()).isEqualTo(2);
    writer.finish(0);
    assertThat(commit.waiting()).isZero();
  }

  @Test
  void callsDuringAWrite_areWrittenTogetherAfterIt() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1, writer::write);
    commit.submit(1);
    CompletionStage<String> second = commit.submit(2);
    CompletionStage<String> third = commit.submit(3);
    assertThat(writer.groups).hasSize(1);

    writer.finish(0);

    assertThat(writer.groups).containsExactly(List.of(1), List.of(2, 3));
    assertThat(second.toCompletableFuture()).isNotDone();
    writer.finish(1);
    assertThat(second.toCompletableFuture().join()).isEqualTo("r2");
    assertThat(third.toCompletableFuture().join()).isEqualTo("r3");
  }

  @Test
  void groups_areCappedAtMaxGroup() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(2, 1, writer::write);
    for (int i = 0; i < 6; i++) {
      commit.submit(i);
    }

    writer.finish(0);
    writer.finish(1);

    assertThat(writer.groups).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4));
  }

  @Test
  void writesInFlight_areBoundedByMaxInFlight() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 2, writer::write);
    commit.submit(1);
    commit.submit(2);
    commit.submit(3);
    commit.submit(4);

    assertThat(writer.groups).containsExactly(List.of(1), List.of(2));
    writer.finish(1);
    assertThat(writer.groups).containsExactly(List.of(1), List.of(2), List.of(3, 4));
  }

  @Test
  void failedWrite_failsEveryCallOfItsGroupOnly() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1, writer::write);
    CompletionStage<String> first = commit.submit(1);
    CompletionStage<String> second = commit.submit(2);
    CompletionStage<String> third = commit.submit(3);
    writer.finish(0);

    writer.writes.get(1).completeExceptionally(new IllegalStateException("disk full"));

    assertThat(first.toCompletableFuture().join()).isEqualTo("r1");
    for (CompletionStage<String> failed : List.of(second, third)) {
      assertThatThrownBy(() -> failed.toCompletableFuture().get())
          .isInstanceOf(ExecutionException.class).hasRootCauseMessage("disk full");
    }
    assertThat(commit.submit(4)).isNotNull();
    assertThat(writer.groups).last().isEqualTo(List.of(4));
  }

  @Test
  void writerThatThrows_failsTheGroupAndFreesTheSlot() {
    List<List<Integer>> seen = new ArrayList<>();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1, group -> {
      seen.add(group);
      if (group.contains(1)) {
        throw new IllegalArgumentException("bad group");
      }
      return CompletableFuture.completedFuture(List.of("ok"));
    });

    CompletionStage<String> failed = commit.submit(1);
    CompletionStage<String> next = commit.submit(2);

    assertThatThrownBy(() -> failed.toCompletableFuture().get()).hasRootCauseMessage("bad group");
    assertThat(next.toCompletableFuture().join()).isEqualTo("ok");
  }

  @Test
  void writerReturningTheWrongNumberOfResults_failsTheGroup() {
    GroupCommit<Integer, String> commit =
        new GroupCommit<>(10, 1, group -> CompletableFuture.completedFuture(List.of()));

    assertThatThrownBy(() -> commit.submit(1).toCompletableFuture().get())
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void writeThatNeverCompletes_failsItsCallsAfterTheTimeout_andFreesItsSlot() {
    ManualWriter writer = new ManualWriter();
    GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1, writer::write, Duration.ofMillis(50));
    CompletionStage<String> lost = commit.submit(1);
    CompletionStage<String> next = commit.submit(2);

    assertThatThrownBy(() -> lost.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(TimeoutException.class);
    assertThat(writer.groups).as("the slot went to the next group").containsExactly(List.of(1), List.of(2));
    writer.finish(1);
    assertThat(next.toCompletableFuture().join()).isEqualTo("r2");
  }

  @Test
  void nonPositiveLimits_areRefused() {
    assertThatThrownBy(() -> new GroupCommit<Integer, String>(0, 1, g -> null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupCommit<Integer, String>(1, 0, g -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

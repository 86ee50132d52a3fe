package dev.fedgate.gateway.api;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.StorageBackend;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What the account-action tests check: the deliveries a call queued and the problems it refused with. */
final class ActionAssertions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionAssertions() {}

  /** Takes every delivery queued by {@code now} (claimed for an hour, so the next call sees only newer ones). */
  static List<Delivery> queued(StorageBackend storage, Instant now) {
    return await(storage.deliveryJobs().claimDue(now.plus(Duration.ofHours(1)), 100, Duration.ofHours(1)))
        .stream().map(Job::payload).toList();
  }

  /** The stage failed with a problem of {@code type} naming {@code field} (null: none). */
  static void assertProblem(CompletionStage<?> stage, ProblemType type, String field) {
    assertThatThrownBy(() -> stage.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(FedgateException.class, e -> {
          assertThat(e.type()).isEqualTo(type);
          assertThat(e.field()).isEqualTo(Optional.ofNullable(field));
        });
  }

  /** Parses a delivery's JSON. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(text, e);
    }
  }
}

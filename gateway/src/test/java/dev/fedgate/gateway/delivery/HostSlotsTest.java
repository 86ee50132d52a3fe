package dev.fedgate.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSlotsTest {

  @Test
  void run_holdsTasksBeyondThePerHostCap_untilOneFinishes() {
    HostSlots slots = new HostSlots(2);
    List<Promise<String>> started = new ArrayList<>();
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(slots.run("a.example", () -> {
        Promise<String> promise = Promise.promise();
        started.add(promise);
        return promise.future();
      }));
    }
    assertThat(started).hasSize(2);

    started.get(0).complete("first");

    assertThat(results.get(0).result()).isEqualTo("first");
    assertThat(started).hasSize(3);
  }

  @Test
  void run_keepsHostsApart() {
    HostSlots slots = new HostSlots(1);
    List<String> started = new ArrayList<>();
    slots.run("a.example", () -> {
      started.add("a");
      return Promise.<Void>promise().future();
    });
    slots.run("b.example", () -> {
      started.add("b");
      return Future.succeededFuture();
    });

    assertThat(started).containsExactly("a", "b");
  }

  @Test
  void run_freesTheSlot_whenTheTaskThrows() {
    HostSlots slots = new HostSlots(1);
    Future<Void> failed = slots.run("a.example", () -> {
      throw new IllegalStateException("boom");
    });
    List<String> started = new ArrayList<>();
    slots.run("a.example", () -> {
      started.add("next");
      return Future.succeededFuture();
    });

    assertThat(failed.failed()).isTrue();
    assertThat(started).containsExactly("next");
  }
}

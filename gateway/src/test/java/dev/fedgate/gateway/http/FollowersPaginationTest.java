package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.mapping.LocalCollections;
import dev.fedgate.gateway.storage.FollowStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowersPaginationTest {
  private static final int FOLLOWERS = 10_000;
  private static final int INSERTED_WHILE_PAGING = 2_000;

  @TempDir Path dataDirectory;

  @Test
  void tenThousandFollowers_pageWithoutDuplicatesOrGaps_underConcurrentInserts() throws Exception {
    try (TestGateway test = TestGateway.start(dataDirectory)) {
      SiteFixtures.createActors(test.gateway(), "alice", "science");
      FollowStore follows = test.gateway().storage().follows();
      insert(follows, 0, FOLLOWERS);
      String base = test.gateway().publicUrl().toString();

      CompletableFuture<Void> inserting = CompletableFuture.runAsync(
          () -> insert(follows, FOLLOWERS, FOLLOWERS + INSERTED_WHILE_PAGING));
      List<String> seen = new ArrayList<>();
      String next = "/video-channels/science/followers?page=true";
      int pages = 0;
      while (next != null) {
        JsonNode page = json(test.get(next, "Accept", "application/activity+json"));
        assertThat(page.get("orderedItems").size()).isLessThanOrEqualTo(LocalCollections.DEFAULT_PAGE_SIZE);
        page.get("orderedItems").forEach(item -> seen.add(item.asText()));
        next = page.has("next") ? page.get("next").asText().substring(base.length()) : null;
        pages++;
      }
      inserting.get();

      Set<String> distinct = new HashSet<>(seen);
      assertThat(distinct).as("no follower listed twice").hasSameSizeAs(seen);
      List<String> before = new ArrayList<>();
      for (int i = 0; i < FOLLOWERS; i++) {
        before.add(follower(i).toString());
      }
      // Every follower that existed when paging began, exactly once, oldest first, before any newer one.
      assertThat(seen.subList(0, FOLLOWERS)).containsExactlyElementsOf(before);
      assertThat(pages).isGreaterThanOrEqualTo(FOLLOWERS / LocalCollections.DEFAULT_PAGE_SIZE);
    }
  }

  /** Inserts follows {@code from} (inclusive) to {@code to}, one after the other, so their order is known. */
  private static void insert(FollowStore follows, int from, int to) {
    for (int i = from; i < to; i++) {
      await(follows.upsert(SiteFixtures.follow("science", follower(i), Optional.of(URI.create(
          "https://h" + (i % 97) + ".example/inbox")))));
    }
  }

  private static URI follower(int i) {
    return URI.create("https://h" + (i % 97) + ".example/users/u" + i);
  }
}

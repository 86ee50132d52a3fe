package dev.fedgate.testkit.conformance;

import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.validate.PeerTubeVideoRules;
import dev.fedgate.vocab.validate.Validation;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Videos as PeerTube takes them after crawling an outbox (reference peertube.md §8.2): the object of every
 * {@code Create} or {@code Announce} on the outbox's first page is fetched by id (refetch-by-id, as PeerTube does);
 * each {@code Video} must pass PeerTube's acceptance rules (the vocab validators). At most {@link #MAX_VIDEOS}.
 */
final class VideoChecks {
  static final String PREFIX = "video:";
  private static final int MAX_VIDEOS = 10;

  private final Probe probe;
  private final VocabReader reader;

  VideoChecks(Probe probe, VocabReader reader) {
    this.probe = probe;
    this.reader = reader;
  }

  /** One check per video found in {@code outboxItems}; nothing when there is none. */
  void check(List<Object> outboxItems, Results results) {
    for (URI id : videoIds(outboxItems)) {
      String check = PREFIX + id;
      List<String> problems = new ArrayList<>();
      Optional<JsonObject> video = probe.document(id, problems::add);
      if (video.isPresent() && !"Video".equals(video.get().getString("type"))) {
        results.skip(check, "the outbox object is a " + video.get().getValue("type") + ", not a Video");
        continue;
      }
      List<String> adjusted = new ArrayList<>();
      video.ifPresent(v -> validate(v, problems, adjusted));
      results.outcome(check, problems, "PeerTube accepts it" + (adjusted.isEmpty() ? ""
          : " after adjusting " + String.join(", ", adjusted)));
    }
  }

  private void validate(JsonObject video, List<String> problems, List<String> adjusted) {
    try {
      Validation<Video> validation = PeerTubeVideoRules.validate(
          reader.read(video.encode().getBytes(StandardCharsets.UTF_8), Video.class));
      ActorChecks.refusal("PeerTube", validation, problems);
      if (validation instanceof Validation.Accepted<Video> accepted) {
        accepted.adjustments().forEach(f -> adjusted.add(f.pointer()));
      }
    } catch (VocabException e) {
      problems.add("unreadable as a Video at " + e.pointer() + " (" + e.rule() + "): " + e.getMessage());
    }
  }

  /** The ids of the objects of {@code Create} and {@code Announce} items, referenced or embedded. */
  private static Set<URI> videoIds(List<Object> items) {
    Set<URI> ids = new LinkedHashSet<>();
    for (Object item : items) {
      if (ids.size() >= MAX_VIDEOS) {
        break;
      }
      if (item instanceof JsonObject activity && Set.of("Create", "Announce").contains(activity.getString("type"))) {
        Object object = activity.getValue("object");
        Object id = object instanceof JsonObject embedded ? embedded.getValue("id") : object;
        if (id instanceof String url) {
          ids.add(URI.create(url));
        }
      }
    }
    return ids;
  }
}

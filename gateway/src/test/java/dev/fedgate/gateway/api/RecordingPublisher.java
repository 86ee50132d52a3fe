package dev.fedgate.gateway.api;

import dev.fedgate.gateway.outbox.Publisher;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the Site API asked to federate, so service tests can assert on it without a delivery queue. */
final class RecordingPublisher implements Publisher {
  final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public CompletionStage<Void> actorUpdated(LocalActor actor) {
    return record("actorUpdated " + actor.name());
  }

  @Override
  public CompletionStage<Void> videoPublished(Stored<Video> video) {
    return record("videoPublished " + video.value().uuid());
  }

  @Override
  public CompletionStage<Void> videoUpdated(Stored<Video> video) {
    return record("videoUpdated " + video.value().uuid());
  }

  @Override
  public CompletionStage<Void> videoDeleted(VideoTombstone tombstone) {
    return record("videoDeleted " + tombstone.uuid());
  }

  private CompletionStage<Void> record(String call) {
    calls.add(call);
    return CompletableFuture.completedFuture(null);
  }
}

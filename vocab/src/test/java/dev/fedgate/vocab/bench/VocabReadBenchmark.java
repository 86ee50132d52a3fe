package dev.fedgate.vocab.bench;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.testing.Fixtures;
import dev.fedgate.vocab.validate.MastodonActorRules;
import dev.fedgate.vocab.validate.PeerTubeActorRules;
import dev.fedgate.vocab.validate.PeerTubeCommentRules;
import dev.fedgate.vocab.validate.PeerTubeVideoRules;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Documents per second read from bytes and validated, on the fast path (the document's context is read as it is):
 * a Mastodon {@code Create{Note}}, a PeerTube {@code Video} and a Mastodon actor, all real fixtures. Run:
 *
 * <pre>
 * mvn -q -pl vocab -am -Pbenchmarks clean test -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djmh.args="-f 1 -wi 6 -i 3 -w 3s -r 3s VocabReadBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class VocabReadBenchmark {
  /** Which document. */
  @Param({"mastodon-create-note", "peertube-video", "mastodon-actor"})
  public String document;

  private VocabReader reader;
  private byte[] body;

  /** Loads the fixture once. */
  @Setup
  public void load() {
    reader = Fixtures.reader();
    body = Fixtures.body(switch (document) {
      case "mastodon-create-note" -> "peertube/server/tests/fixtures/ap-json/mastodon/create-bad-signature.json";
      case "peertube-video" -> "lemmy/crates/apub/apub/assets/peertube/objects/video.json";
      case "mastodon-actor" -> "mastodon/spec/fixtures/requests/activitypub-actor.txt";
      default -> throw new IllegalArgumentException(document);
    });
  }

  /** Read and validate one document. */
  @Benchmark
  public boolean readAndValidate() {
    ApObject value = reader.read(body);
    if (value instanceof Video video) {
      return PeerTubeVideoRules.validate(video).accepted();
    }
    if (value instanceof Actor actor) {
      return PeerTubeActorRules.validate(actor).accepted() && MastodonActorRules.validate(actor).accepted();
    }
    Create create = (Create) value;
    return PeerTubeCommentRules.validate(create.object().embedded().orElseThrow()).accepted();
  }
}

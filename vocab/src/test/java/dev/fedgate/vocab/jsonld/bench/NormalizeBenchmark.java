package dev.fedgate.vocab.jsonld.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.testdata.SharedData;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Documents per second through {@link JsonLdContextNormalizer#normalize} for real fixtures, on the fast path (the
 * document as the peer sent it) and on the JSON-LD path (the same document with {@code {"@vocab": "_:"}} appended to
 * its context: a no-op for its meaning that only full processing may resolve).
 *
 * <p>Run from the repository root (figures in {@code docs/benchmarks.md}):
 * {@code mvn -q -pl vocab -am -Pbenchmarks clean test -DskipTests -Djmh.args="NormalizeBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizeBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Mastodon {@code Create{Note}} and PeerTube {@code Video}, both read in place from the shared fixtures. */
  @Param({"akkoma/test/fixtures/mastodon-post-activity.json",
      "bonfire_federate_activitypub/test/fixtures/peertube-video.json"})
  public String fixture;

  private final JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();
  private ObjectNode asSent;
  private ObjectNode forcedJsonLd;

  /** Reads the fixture and builds its JSON-LD-path twin; checks each takes the path it is meant to measure. */
  @Setup
  public void setUp() throws IOException {
    asSent = (ObjectNode) MAPPER.readTree(SharedData.fixture(fixture).toFile());
    forcedJsonLd = asSent.deepCopy();
    ArrayNode context = MAPPER.createArrayNode();
    if (asSent.get("@context").isArray()) {
      context.addAll((ArrayNode) asSent.get("@context"));
    } else {
      context.add(asSent.get("@context"));
    }
    context.addObject().put("@vocab", "_:");
    forcedJsonLd.set("@context", context);
    if (normalizer.normalize(asSent) != asSent || normalizer.normalize(forcedJsonLd) == forcedJsonLd) {
      throw new IllegalStateException(fixture + " does not take the expected paths");
    }
  }

  /** The document as sent: the fast path. */
  @Benchmark
  public ObjectNode fastPath() {
    return normalizer.normalize(asSent);
  }

  /** The same document through jsonld-java expansion and compaction. */
  @Benchmark
  public ObjectNode jsonLdPath() {
    return normalizer.normalize(forcedJsonLd);
  }
}

package dev.fedgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Video;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteInputsTest {
  static final UUID UUID_1 = UUID.fromString("2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11");

  /** A video body PeerTube would accept once federated. */
  static JsonObject validVideo() {
    return new JsonObject()
        .put("channel", "cooking")
        .put("name", "Bread at home")
        .put("description", "How to bake **bread**.")
        .put("durationSeconds", 754)
        .put("publishedAt", "2026-11-20T10:00:00Z")
        .put("url", "https://site.example/watch/bread")
        .put("embedUrl", "https://site.example/embed/bread")
        .put("thumbnails", new JsonArray().add(new JsonObject().put("url", "https://cdn.site.example/bread.jpg")
            .put("mediaType", "image/jpeg").put("width", 1280).put("height", 720)))
        .put("files", new JsonArray().add(new JsonObject().put("url", "https://cdn.site.example/bread-720.mp4")
            .put("mediaType", "video/mp4").put("width", 1280).put("height", 720).put("size", 73_400_320)
            .put("fps", 30)))
        .put("hls", new JsonObject().put("playlistUrl", "https://cdn.site.example/bread/master.m3u8")
            .put("files", new JsonArray()))
        .put("tags", new JsonArray().add("bread").add("baking"))
        .put("language", "en")
        .put("licence", "CC-BY-SA-4.0")
        .put("category", "15")
        .put("sensitive", false)
        .put("commentsPolicy", "approval");
  }

  @Test
  void validVideo_readsEveryField() {
    Video video = SiteInputs.video(UUID_1, validVideo().encode());
    assertThat(video.uuid()).isEqualTo(UUID_1);
    assertThat(video.channel()).isEqualTo("cooking");
    assertThat(video.name()).isEqualTo("Bread at home");
    assertThat(video.durationSeconds()).isEqualTo(754);
    assertThat(video.publishedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(video.embedUrl()).contains(URI.create("https://site.example/embed/bread"));
    assertThat(video.thumbnails()).singleElement().satisfies(t -> assertThat(t.width()).isEqualTo(1280));
    assertThat(video.files()).singleElement().satisfies(f -> {
      assertThat(f.size()).isEqualTo(73_400_320);
      assertThat(f.fps()).isEqualTo(30);
    });
    assertThat(video.hls()).isPresent();
    assertThat(video.tags()).containsExactly("bread", "baking");
    assertThat(video.language()).contains("en");
    assertThat(video.licence()).contains("CC-BY-SA-4.0");
    assertThat(video.category()).contains("15");
    assertThat(video.commentsPolicy()).isEqualTo(CommentsPolicy.APPROVAL);
    assertThat(video.live()).isFalse();
  }

  @Test
  void optionalVideoFields_takeTheirDefaults() {
    JsonObject body = validVideo();
    for (String field : new String[] {"description", "embedUrl", "files", "hls", "tags", "language", "licence",
        "category", "sensitive", "commentsPolicy"}) {
      body.remove(field);
    }
    Video video = SiteInputs.video(UUID_1, body.encode());
    assertThat(video.description()).isEmpty();
    assertThat(video.files()).isEmpty();
    assertThat(video.commentsPolicy()).isEqualTo(CommentsPolicy.ENABLED);
    assertThat(video.sensitive()).isFalse();
  }

  private static void assertRefused(Consumer<JsonObject> change, String field) {
    JsonObject body = validVideo();
    change.accept(body);
    assertThatThrownBy(() -> SiteInputs.video(UUID_1, body.encode()))
        .isInstanceOfSatisfying(FedgateException.class, e -> {
          assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
          assertThat(e.field()).contains(field);
        });
  }

  @Test
  void peerTubeRules_refuseWithTheFieldNamed() {
    assertRefused(b -> b.remove("channel"), "/channel");
    assertRefused(b -> b.put("channel", "bad name"), "/channel");
    assertRefused(b -> b.put("name", "ab"), "/name");
    assertRefused(b -> b.put("name", "x".repeat(121)), "/name");
    assertRefused(b -> b.remove("name"), "/name");
    assertRefused(b -> b.put("description", "ab"), "/description");
    assertRefused(b -> b.put("description", "x".repeat(10_001)), "/description");
    assertRefused(b -> b.put("durationSeconds", -1), "/durationSeconds");
    assertRefused(b -> b.put("durationSeconds", 1.5), "/durationSeconds");
    assertRefused(b -> b.put("durationSeconds", "12"), "/durationSeconds");
    assertRefused(b -> b.put("publishedAt", "yesterday"), "/publishedAt");
    assertRefused(b -> b.put("url", "ftp://site.example/x"), "/url");
    assertRefused(b -> b.put("thumbnails", new JsonArray()), "/thumbnails");
    assertRefused(b -> b.remove("thumbnails"), "/thumbnails");
    assertRefused(b -> b.getJsonArray("thumbnails").getJsonObject(0).put("mediaType", "image/svg+xml"),
        "/thumbnails/0/mediaType");
    assertRefused(b -> b.getJsonArray("thumbnails").getJsonObject(0).remove("url"), "/thumbnails/0/url");
    assertRefused(b -> b.getJsonArray("thumbnails").getJsonObject(0).put("width", -5), "/thumbnails/0/width");
    assertRefused(b -> b.getJsonArray("files").getJsonObject(0).remove("size"), "/files/0/size");
    assertRefused(b -> b.put("files", new JsonArray().add("https://x")), "/files/0");
    assertRefused(b -> b.put("tags", new JsonArray().add("a")), "/tags/0");
    assertRefused(b -> b.put("tags", new JsonArray().add("two words")), "/tags/0");
    assertRefused(b -> b.put("tags", new JsonArray().add("aa").add("bb").add("cc").add("dd").add("ee").add("ff")),
        "/tags");
    assertRefused(b -> b.put("language", "English"), "/language");
    assertRefused(b -> b.put("licence", "!!"), "/licence");
    assertRefused(b -> b.put("category", "music"), "/category");
    assertRefused(b -> b.put("sensitive", "yes"), "/sensitive");
    assertRefused(b -> b.put("commentsPolicy", "sometimes"), "/commentsPolicy");
    assertRefused(b -> b.put("hls", "https://x/master.m3u8"), "/hls");
    assertRefused(b -> b.getJsonObject("hls").remove("playlistUrl"), "/hls/playlistUrl");
  }

  @Test
  void fileMediaType_mustBePlayableByPeerTube() {
    assertRefused(b -> b.getJsonArray("files").getJsonObject(0).put("mediaType", "video/x-matroska"), "/files");
  }

  @ParameterizedTest
  @CsvSource({"not json", "[1,2]", "42", "''"})
  void bodyThatIsNotAnObject_isRefused(String body) {
    assertThatThrownBy(() -> SiteInputs.account("alice", body))
        .isInstanceOfSatisfying(FedgateException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST));
  }

  @Test
  void account_andChannel_read() {
    Account account = SiteInputs.account("alice", new JsonObject().put("displayName", " Alice ")
        .put("summary", "Bakes.").put("url", "https://site.example/@alice")
        .put("avatar", new JsonObject().put("url", "https://cdn.site.example/a.png").put("mediaType", "image/png")
            .put("width", 400).put("height", 400)).encode());
    assertThat(account.displayName()).isEqualTo("Alice");
    assertThat(account.avatar()).isPresent();
    assertThat(account.banner()).isEmpty();

    Channel channel = SiteInputs.channel("cooking", new JsonObject().put("account", "alice")
        .put("url", "https://site.example/c/cooking").encode());
    assertThat(channel.account()).isEqualTo("alice");
    assertThat(channel.displayName()).as("defaults to the name").isEqualTo("cooking");
  }

  @Test
  void actorNames_mustSuitWebFingerAndPeerTube() {
    String body = new JsonObject().put("url", "https://site.example/x").encode();
    for (String bad : new String[] {"", "al ice", "al@ice", "ali/ce", "é", "x".repeat(51)}) {
      assertThatThrownBy(() -> SiteInputs.account(bad, body)).isInstanceOf(FedgateException.class);
    }
    assertThatThrownBy(() -> SiteInputs.channel("cooking", new JsonObject().put("url", "https://s.example/c").encode()))
        .isInstanceOfSatisfying(FedgateException.class, e -> assertThat(e.field()).contains("/account"));
  }

  @Test
  void uuid_mustBeCanonical() {
    assertThat(SiteInputs.uuid(UUID_1.toString())).isEqualTo(UUID_1);
    for (String bad : new String[] {"x", "2c2a1b0e0f4c4a7e9a551d7c6f0b9e11", "1-1-1-1-1"}) {
      assertThatThrownBy(() -> SiteInputs.uuid(bad)).isInstanceOf(FedgateException.class);
    }
  }
}

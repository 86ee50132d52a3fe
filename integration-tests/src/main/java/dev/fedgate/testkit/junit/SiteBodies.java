package dev.fedgate.testkit.junit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/** Minimal valid Site API bodies (every required field, PeerTube's rules met) for tests to start from and change. */
public final class SiteBodies {
  private static final String SITE = "https://site.example";

  private SiteBodies() {}

  /** An account whose page is on the example site. */
  public static JsonObject account(String name) {
    return new JsonObject().put("displayName", name).put("url", SITE + "/@" + name);
  }

  /** A channel of {@code account}. */
  public static JsonObject channel(String account, String name) {
    return new JsonObject().put("account", account).put("displayName", name).put("url", SITE + "/c/" + name);
  }

  /** A public video of {@code channel} named {@code name}: one thumbnail, one mp4 file, comments enabled. */
  public static JsonObject video(String channel, String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return new JsonObject().put("channel", channel).put("name", name).put("description", "A video about " + name)
        .put("durationSeconds", 754).put("publishedAt", Instant.parse("2026-11-20T10:00:00Z").toString())
        .put("url", SITE + "/watch/" + slug)
        .put("thumbnails", new JsonArray().add(new JsonObject().put("url", "https://cdn.site.example/" + slug + ".jpg")
            .put("mediaType", "image/jpeg").put("width", 1280).put("height", 720)))
        .put("files", new JsonArray().add(new JsonObject().put("url", "https://cdn.site.example/" + slug + "-720.mp4")
            .put("mediaType", "video/mp4").put("width", 1280).put("height", 720).put("size", 73_400_320)
            .put("fps", 30)))
        .put("tags", new JsonArray().add("testkit")).put("language", "en").put("licence", "1")
        .put("category", "15").put("commentsPolicy", "enabled");
  }
}

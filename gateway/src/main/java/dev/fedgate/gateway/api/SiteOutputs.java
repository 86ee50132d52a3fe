package dev.fedgate.gateway.api;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.HlsPlaylist;
import dev.fedgate.gateway.storage.Image;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoFile;
import dev.fedgate.gateway.webhook.StandardWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Site API's JSON for stored resources: the fields the site sent (same names), plus the ActivityPub {@code id}
 * peers know it by and the store's timestamps.
 */
public final class SiteOutputs {
  private final LocalUrls urls;

  /** Representations with ids built by {@code urls}. */
  public SiteOutputs(LocalUrls urls) {
    this.urls = urls;
  }

  /** An account. */
  public JsonObject account(Stored<Account> stored) {
    Account a = stored.value();
    return timestamps(stored, new JsonObject()
        .put("name", a.name())
        .put("id", urls.account(a.name()).toString())
        .put("displayName", a.displayName())
        .put("summary", a.summary())
        .put("url", a.url().toString())
        .put("avatar", image(a.avatar()))
        .put("banner", image(a.banner()))
        .put("manuallyApprovesFollowers", a.manuallyApprovesFollowers()));
  }

  /** A channel. */
  public JsonObject channel(Stored<Channel> stored) {
    Channel c = stored.value();
    return timestamps(stored, new JsonObject()
        .put("name", c.name())
        .put("id", urls.channel(c.name()).toString())
        .put("account", c.account())
        .put("displayName", c.displayName())
        .put("summary", c.summary())
        .put("url", c.url().toString())
        .put("avatar", image(c.avatar()))
        .put("banner", image(c.banner()))
        .put("manuallyApprovesFollowers", c.manuallyApprovesFollowers()));
  }

  /** A video. */
  public JsonObject video(Stored<Video> stored) {
    Video v = stored.value();
    return timestamps(stored, new JsonObject()
        .put("uuid", v.uuid().toString())
        .put("id", urls.video(v.uuid()).toString())
        .put("channel", v.channel())
        .put("name", v.name())
        .put("description", v.description())
        .put("durationSeconds", v.durationSeconds())
        .put("publishedAt", v.publishedAt().toString())
        .put("url", v.url().toString())
        .put("embedUrl", v.embedUrl().map(Object::toString).orElse(null))
        .put("thumbnails", new JsonArray(v.thumbnails().stream().map(SiteOutputs::image).toList()))
        .put("files", files(v.files()))
        .put("hls", v.hls().map(SiteOutputs::hls).orElse(null))
        .put("tags", new JsonArray(v.tags()))
        .put("language", v.language().orElse(null))
        .put("licence", v.licence().orElse(null))
        .put("category", v.category().orElse(null))
        .put("sensitive", v.sensitive())
        .put("commentsPolicy", v.commentsPolicy().name().toLowerCase(Locale.ROOT))
        .put("live", v.live()));
  }

  /** A follower of an account or channel. */
  public JsonObject follower(Stored<Follow> stored) {
    Follow f = stored.value();
    return new JsonObject()
        .put("actor", f.follower().toString())
        .put("inbox", f.inbox().toString())
        .put("sharedInbox", f.sharedInbox().map(Object::toString).orElse(null))
        .put("state", f.state().name().toLowerCase(Locale.ROOT))
        .put("followedAt", stored.createdAt().toString());
  }

  /** A local account's follow or like of something remote, with the id of the activity that made it. */
  public JsonObject outbound(Stored<OutboundAction> stored) {
    OutboundAction a = stored.value();
    return timestamps(stored, new JsonObject()
        .put("object", a.object().toString())
        .put("activity", a.activityId().toString())
        .put("state", a.state().name().toLowerCase(Locale.ROOT)));
  }

  /**
   * A local account's reply to remote content: its Note id and key (what {@code DELETE .../replies/{key}} takes), its
   * {@code Create}'s id, what it answers and whom, the HTML content and its state.
   */
  public JsonObject reply(Stored<Reply> stored) {
    Reply r = stored.value();
    String id = r.id().toString();
    return timestamps(stored, new JsonObject()
        .put("id", id)
        .put("key", id.substring(id.lastIndexOf('/') + 1))
        .put("activity", LocalUrls.activity(r.id(), "create").toString())
        .put("inReplyTo", r.inReplyTo().toString())
        .put("author", r.author().toString())
        .put("content", r.content())
        .put("published", r.published().toString())
        .put("state", r.state().name().toLowerCase(Locale.ROOT)));
  }

  /** A comment on a video, local or remote; remote content was sanitised when it arrived. */
  public JsonObject comment(Stored<Comment> stored) {
    Comment c = stored.value();
    JsonObject author = c.author() instanceof CommentAuthor.Local local
        ? new JsonObject().put("account", local.account())
        : new JsonObject().put("actor", ((CommentAuthor.Remote) c.author()).actor().toString());
    return new JsonObject()
        .put("id", c.id())
        .put("activityPubId", c.remoteId().orElse(urls.comment(c.video(), c.id())).toString())
        .put("video", c.video().toString())
        .put("author", author)
        .put("content", c.content())
        .put("parent", c.parent().orElse(null))
        .put("root", c.root().orElse(null))
        .put("status", c.status().name().toLowerCase(Locale.ROOT))
        .put("publishedAt", c.publishedAt().toString());
  }

  /** A remote host's delivery health. */
  public JsonObject host(RemoteHost host) {
    return new JsonObject()
        .put("host", host.host())
        .put("lastSuccessAt", host.lastSuccessAt().map(Object::toString).orElse(null))
        .put("lastFailureAt", host.lastFailureAt().map(Object::toString).orElse(null))
        .put("failureDays", host.failureDays())
        .put("unavailableSince", host.unavailableSince().map(Object::toString).orElse(null))
        .put("available", host.unavailableSince().isEmpty())
        .put("signatureScheme", host.signatureScheme().orElse(null));
  }

  /** An inbound event as the site polls it: the same id and payload its webhook carries. */
  public JsonObject event(SiteEvent event) {
    return new JsonObject()
        .put("id", StandardWebhooks.eventId(event.id()))
        .put("type", event.event().type())
        .put("timestamp", event.createdAt().toString())
        .put("data", new JsonObject(event.event().json()));
  }

  /**
   * A page of items with the cursors of the next page ({@code null} on the last) and of the previous one ({@code null}
   * on the first).
   */
  public <T> JsonObject page(Page<T> page, java.util.function.Function<T, JsonObject> item) {
    return new JsonObject()
        .put("items", new JsonArray(page.items().stream().map(item).toList()))
        .put("next", page.next().orElse(null))
        .put("prev", page.prev().orElse(null));
  }

  private static JsonObject timestamps(Stored<?> stored, JsonObject json) {
    return json.put("createdAt", stored.createdAt().toString()).put("updatedAt", stored.updatedAt().toString());
  }

  private static JsonObject image(Optional<Image> image) {
    return image.map(SiteOutputs::image).orElse(null);
  }

  private static JsonObject image(Image image) {
    return new JsonObject()
        .put("url", image.url().toString())
        .put("mediaType", image.mediaType())
        .put("width", image.width())
        .put("height", image.height());
  }

  private static JsonArray files(List<VideoFile> files) {
    return new JsonArray(files.stream().map(f -> new JsonObject()
        .put("url", f.url().toString())
        .put("mediaType", f.mediaType())
        .put("width", f.width())
        .put("height", f.height())
        .put("size", f.size())
        .put("fps", f.fps())).toList());
  }

  private static JsonObject hls(HlsPlaylist hls) {
    return new JsonObject().put("playlistUrl", hls.playlistUrl().toString()).put("files", files(hls.files()));
  }
}

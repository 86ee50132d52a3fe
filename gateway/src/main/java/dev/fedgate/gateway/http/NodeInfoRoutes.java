package dev.fedgate.gateway.http;

import dev.fedgate.gateway.GatewayVersion;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.UsageCounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * NodeInfo (2.0 and 2.1) and its discovery document at {@code /.well-known/nodeinfo}: how Mastodon and PeerTube learn
 * what software a host runs and how big it is.
 */
public final class NodeInfoRoutes implements RouteGroup {
  static final String SCHEMA_PREFIX = "http://nodeinfo.diaspora.software/ns/schema/";
  private static final String SOFTWARE_NAME = "fedgate";

  /** PeerTube finds a host's instance actor through this link when an admin follows the whole instance. */
  static final String APPLICATION_REL = "https://www.w3.org/ns/activitystreams#Application";

  private final LocalUrls urls;
  private final StorageBackend storage;

  /** Routes that describe the host of {@code urls}, with usage counted in {@code storage}. */
  public NodeInfoRoutes(LocalUrls urls, StorageBackend storage) {
    this.urls = urls;
    this.storage = storage;
  }

  /** Adds the three routes to {@code router}. */
  @Override
  public void mount(Router router) {
    router.get("/.well-known/nodeinfo").handler(this::discovery);
    router.get("/nodeinfo/2.0").handler(ctx -> document(ctx, "2.0"));
    router.get("/nodeinfo/2.1").handler(ctx -> document(ctx, "2.1"));
  }

  private void discovery(RoutingContext ctx) {
    JsonArray links = new JsonArray();
    for (String version : new String[] {"2.0", "2.1"}) {
      links.add(new JsonObject().put("rel", SCHEMA_PREFIX + version).put("href", urls.base() + "/nodeinfo/" + version));
    }
    links.add(new JsonObject().put("rel", APPLICATION_REL).put("href", urls.instanceActor().toString()));
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(new JsonObject().put("links", links).encode());
  }

  private void document(RoutingContext ctx, String version) {
    StorageFutures.onContext(ctx, storage.usage())
        .onSuccess(usage -> ctx.response()
            .putHeader("Content-Type", "application/json; profile=\"" + SCHEMA_PREFIX + version + "#\"")
            .putHeader("Access-Control-Allow-Origin", "*")
            .end(render(version, usage).encode()))
        .onFailure(ctx::fail);
  }

  /** The NodeInfo document; both versions carry the same fields (2.1 only adds optional ones we have no value for). */
  static JsonObject render(String version, UsageCounts usage) {
    JsonObject software = new JsonObject().put("name", SOFTWARE_NAME).put("version", GatewayVersion.get());
    return new JsonObject()
        .put("version", version)
        .put("software", software)
        .put("protocols", new JsonArray().add("activitypub"))
        .put("services", new JsonObject().put("inbound", new JsonArray()).put("outbound", new JsonArray()))
        .put("openRegistrations", false)
        .put("usage", new JsonObject()
            .put("users", new JsonObject().put("total", usage.localAccounts()))
            .put("localPosts", usage.localVideos())
            .put("localComments", usage.localComments()))
        .put("metadata", new JsonObject().put("nodeName", "Fedgate").put("channels", usage.localChannels()));
  }
}

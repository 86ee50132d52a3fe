package dev.fedgate.gateway.http;

import io.vertx.ext.web.Router;

/** A set of related routes (one area of the gateway) that mounts itself on the router. */
public interface RouteGroup {
  /** Adds this group's routes to {@code router}. */
  void mount(Router router);
}

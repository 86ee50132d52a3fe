package dev.fedgate.gateway.fetch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.util.List;

/** Turns a host name into its addresses; injected so tests can make a name resolve anywhere (DNS rebinding). */
@FunctionalInterface
public interface HostResolver {
  /** Every address of {@code host}; an IP literal resolves to itself. */
  Future<List<InetAddress>> resolve(String host);

  /** The JVM's resolver, run on a Vert.x worker thread because it blocks. */
  static HostResolver system(Vertx vertx) {
    return host -> vertx.executeBlocking(() -> List.of(InetAddress.getAllByName(host)), false);
  }
}

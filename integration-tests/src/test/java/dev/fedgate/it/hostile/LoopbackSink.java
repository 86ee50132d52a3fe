package dev.fedgate.it.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on loopback that counts every connection and closes it: where a guarded fetch would land if the
 * address guard let a private address through. Counting connections, not requests, also catches a TLS attempt.
 */
final class LoopbackSink implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();

  private LoopbackSink(ServerSocket socket) {
    this.socket = socket;
  }

  /** Listens on a free port of 127.0.0.1. */
  static LoopbackSink start() {
    try {
      LoopbackSink sink = new LoopbackSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      Thread acceptor = new Thread(sink::accept, "loopback-sink");
      acceptor.setDaemon(true);
      acceptor.start();
      return sink;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connections.incrementAndGet();
      } catch (IOException e) {
        // closed: the loop ends
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

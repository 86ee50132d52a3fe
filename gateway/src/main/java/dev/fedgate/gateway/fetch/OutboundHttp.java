package dev.fedgate.gateway.fetch;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one way the gateway talks to remote servers: each request goes through the {@link AddressGuard} and is sent to
 * the checked address, with a connect timeout, a total deadline and a body cap that stops reading (and drops the
 * connection) instead of buffering without bound. Keep-alive is on, compression off (a compressed body would defeat
 * the cap and the digest).
 */
public final class OutboundHttp {
  /** Connect timeout: Mastodon's 5 s DNS plus 5 s connect. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Pooled connections per remote host; deliveries are capped per host below this anyway. */
  public static final int DEFAULT_POOL_PER_HOST = 8;

  private final Vertx vertx;
  private final HttpClient client;
  private final AddressGuard guard;
  private final Duration connectTimeout;
  private final String userAgent;

  private OutboundHttp(Vertx vertx, HttpClient client, AddressGuard guard, Duration connectTimeout, String userAgent) {
    this.vertx = vertx;
    this.client = client;
    this.guard = guard;
    this.connectTimeout = connectTimeout;
    this.userAgent = userAgent;
  }

  /** A client on {@code vertx} guarded by {@code guard}, announcing itself as {@code userAgent}. */
  public static OutboundHttp create(Vertx vertx, AddressGuard guard, Duration connectTimeout, String userAgent) {
    HttpClientOptions options = new HttpClientOptions()
        .setKeepAlive(true)
        .setDecompressionSupported(false);
    HttpClient client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(DEFAULT_POOL_PER_HOST));
    return new OutboundHttp(vertx, client, Objects.requireNonNull(guard, "guard"), connectTimeout,
        Objects.requireNonNull(userAgent, "userAgent"));
  }

  /**
   * Sends {@code request} exactly as given (its {@code Host} is the URL's authority, as signed), without following
   * redirects, and reads at most {@code bodyCap} bytes of the answer.
   *
   * @return the response, or a future failed with {@link FetchException}: {@code TIMEOUT} after {@code deadline},
   *     {@code NETWORK} for connection trouble, or the guard's refusal
   */
  public Future<OutboundResponse> send(HttpRequest request, Duration deadline, int bodyCap) {
    URI url = request.target();
    return guard.admit(url).compose(address -> exchange(request, address, deadline, bodyCap));
  }

  private Future<OutboundResponse> exchange(HttpRequest request, InetAddress address, Duration deadline,
      int bodyCap) {
    URI url = request.target();
    boolean https = url.getScheme().equalsIgnoreCase("https");
    int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(request.method().toUpperCase(Locale.ROOT)))
        .setHost(AddressGuard.hostOf(url).toLowerCase(Locale.ROOT))
        .setPort(port)
        .setSsl(https)
        .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
        .setURI(request.pathAndQuery())
        .setConnectTimeout(connectTimeout.toMillis())
        .setFollowRedirects(false);
    options.putHeader("User-Agent", userAgent);
    for (HttpHeaders.Field field : request.headers().fields()) {
      // Vert.x writes Host from the options; it equals the URL's authority, which is what was signed.
      if (!field.name().equalsIgnoreCase("Host")) {
        options.addHeader(field.name(), field.value());
      }
    }
    Promise<OutboundResponse> result = Promise.promise();
    long timer = vertx.setTimer(deadline.toMillis(), id -> result.tryFail(
        new FetchException(FetchFailure.TIMEOUT, url, "no complete answer within " + deadline, null)));
    result.future().onComplete(done -> vertx.cancelTimer(timer));
    client.request(options)
        .onSuccess(outgoing -> {
          result.future().onFailure(failure -> outgoing.reset());
          outgoing.send(Buffer.buffer(request.body()))
              .onSuccess(response -> read(url, outgoing, response, bodyCap, result))
              .onFailure(e -> result.tryFail(networkFailure(url, e)));
        })
        .onFailure(e -> result.tryFail(networkFailure(url, e)));
    return result.future();
  }

  private static void read(URI url, HttpClientRequest outgoing, HttpClientResponse response, int bodyCap,
      Promise<OutboundResponse> result) {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (Map.Entry<String, String> header : response.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    Buffer body = Buffer.buffer();
    response.exceptionHandler(e -> result.tryFail(networkFailure(url, e)));
    response.handler(chunk -> {
      if (result.future().isComplete()) {
        return;
      }
      if (body.length() + chunk.length() > bodyCap) {
        body.appendBuffer(chunk, 0, bodyCap - body.length());
        result.tryComplete(new OutboundResponse(response.statusCode(), headers.build(), body.getBytes(), true));
        outgoing.reset();
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.endHandler(end ->
        result.tryComplete(new OutboundResponse(response.statusCode(), headers.build(), body.getBytes(), false)));
  }

  private static FetchException networkFailure(URI url, Throwable e) {
    FetchFailure failure = e instanceof ConnectTimeoutException ? FetchFailure.TIMEOUT : FetchFailure.NETWORK;
    return new FetchException(failure, url, String.valueOf(e.getMessage()), e);
  }

  /** Closes the pooled connections. */
  public Future<Void> close() {
    return client.close();
  }
}

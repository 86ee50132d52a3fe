package dev.fedgate.gateway.fetch;

import io.vertx.core.Future;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides, at connect time, where an outbound request may go: the host is resolved here, every address it resolves to
 * is checked, and the caller connects to the checked address (with the name as {@code Host} and SNI), so a DNS answer
 * that changes between check and connect cannot reach a private address. Unless private addresses are allowed, it
 * refuses loopback, private, link-local, unique-local, carrier-grade NAT, metadata, multicast and unspecified
 * addresses, and plain http.
 */
public final class AddressGuard {
  private final HostResolver resolver;
  private final boolean allowPrivateAddresses;

  private AddressGuard(HostResolver resolver, boolean allowPrivateAddresses) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.allowPrivateAddresses = allowPrivateAddresses;
  }

  /** A guard resolving with {@code resolver}; {@code allowPrivateAddresses} lifts the address and https rules. */
  public static AddressGuard create(HostResolver resolver, boolean allowPrivateAddresses) {
    return new AddressGuard(resolver, allowPrivateAddresses);
  }

  /**
   * The address to connect to for {@code url}.
   *
   * @return the first resolved address, or a future failed with {@link FetchException}: {@code BAD_URL} for a
   *     non-http(s) URL or plain http when not allowed, {@code FORBIDDEN_ADDRESS} when any address is refused,
   *     {@code NETWORK} when the name does not resolve
   */
  public Future<InetAddress> admit(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || url.getRawUserInfo() != null
        || !(scheme.equals("https") || scheme.equals("http") && allowPrivateAddresses)) {
      return Future.failedFuture(new FetchException(FetchFailure.BAD_URL, url,
          allowPrivateAddresses ? "not an http(s) URL with a host" : "not an https URL with a host", null));
    }
    return resolver.resolve(hostOf(url))
        .recover(e -> Future.failedFuture(new FetchException(FetchFailure.NETWORK, url, "cannot resolve the host", e)))
        .compose(addresses -> check(url, addresses));
  }

  private Future<InetAddress> check(URI url, List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return Future.failedFuture(new FetchException(FetchFailure.NETWORK, url, "the host has no address", null));
    }
    if (!allowPrivateAddresses) {
      // Every address, not only the first: a client library may fall back to another one.
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          return Future.failedFuture(new FetchException(FetchFailure.FORBIDDEN_ADDRESS, url,
              "resolves to a non-public address " + address.getHostAddress(), null));
        }
      }
    }
    return Future.succeededFuture(addresses.get(0));
  }

  /** The host of {@code url} without IPv6 brackets. */
  static String hostOf(URI url) {
    String host = url.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  /** Whether {@code address} is a public unicast address a federation peer may live at. */
  public static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicIpv4(b);
    }
    if (address instanceof Inet6Address) {
      return isPublicIpv6(b);
    }
    return false;
  }

  private static boolean isPublicIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first != 0 // "this network"
        && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
        && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        && !(first == 198 && (second == 18 || second == 19)) // benchmarking
        && first < 240; // reserved and broadcast
  }

  private static boolean isPublicIpv6(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc) {
      return false; // unique local fc00::/7, which holds the EC2 metadata address fd00:ec2::254
    }
    if (isZero(b, 0, 12)) {
      return false; // IPv4-compatible ::a.b.c.d (deprecated) and :: itself
    }
    if (isNat64(b)) {
      return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}) && !isPrivateIpv4(b[12], b[13]);
    }
    return true;
  }

  private static boolean isNat64(byte[] b) {
    return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
        && isZero(b, 4, 12);
  }

  private static boolean isPrivateIpv4(byte first, byte second) {
    int a = first & 0xff;
    int s = second & 0xff;
    return a == 10 || a == 127 || a == 169 && s == 254 || a == 172 && s >= 16 && s < 32 || a == 192 && s == 168;
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}

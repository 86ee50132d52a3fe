package dev.fedgate.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
      "169.254.169.254", "169.254.1.1", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "224.0.0.1",
      "255.255.255.255", "240.0.0.1", "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
      "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::7f00:1"})
  void isPublic_refusesNonPublicAddresses(String address) throws UnknownHostException {
    assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888",
      "2a01:4f8::1", "64:ff9b::808:808"})
  void isPublic_acceptsPublicAddresses(String address) throws UnknownHostException {
    assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void admit_refusesWhenAnyResolvedAddressIsPrivate() throws Exception {
    AddressGuard guard = AddressGuard.create(resolvingTo("93.184.215.14", "10.1.2.3"), false);

    assertThat(failure(guard.admit(URI.create("https://mixed.example/")))).isEqualTo(FetchFailure.FORBIDDEN_ADDRESS);
  }

  @Test
  void admit_returnsPublicAddress() throws Exception {
    InetAddress address = InetAddress.getByName("93.184.215.14");
    AddressGuard guard = AddressGuard.create(host -> Future.succeededFuture(List.of(address)), false);

    assertThat(guard.admit(URI.create("https://peer.example/")).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS)).isEqualTo(address);
  }

  @Test
  void admit_allowsLoopbackAndHttp_whenPrivateAddressesAreAllowed() throws Exception {
    AddressGuard guard = AddressGuard.create(host -> Future.succeededFuture(
        List.of(InetAddress.getLoopbackAddress())), true);

    assertThat(guard.admit(URI.create("http://localhost:8080/")).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS)).isEqualTo(InetAddress.getLoopbackAddress());
  }

  @Test
  void admit_refusesOtherSchemesAndUserInfo() throws Exception {
    AddressGuard guard = AddressGuard.create(resolvingTo("93.184.215.14"), true);

    assertThat(failure(guard.admit(URI.create("ftp://peer.example/")))).isEqualTo(FetchFailure.BAD_URL);
    assertThat(failure(guard.admit(URI.create("https://user@peer.example/")))).isEqualTo(FetchFailure.BAD_URL);
  }

  @Test
  void admit_reportsUnresolvableHostAsNetworkFailure() throws Exception {
    AddressGuard guard = AddressGuard.create(host -> Future.failedFuture(new UnknownHostException(host)), false);

    assertThat(failure(guard.admit(URI.create("https://nowhere.example/")))).isEqualTo(FetchFailure.NETWORK);
  }

  private static HostResolver resolvingTo(String... addresses) throws UnknownHostException {
    List<InetAddress> resolved = new java.util.ArrayList<>();
    for (String address : addresses) {
      resolved.add(InetAddress.getByName(address));
    }
    return host -> Future.succeededFuture(List.copyOf(resolved));
  }

  private static FetchFailure failure(Future<InetAddress> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return ((FetchException) e.getCause()).failure();
    }
    throw new AssertionError("admitted");
  }
}

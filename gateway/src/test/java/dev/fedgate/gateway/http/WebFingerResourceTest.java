package dev.fedgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebFingerResourceTest {
  private final LocalUrls urls = new LocalUrls(URI.create("http://localhost:8080"));

  @Test
  void acceptsTheFormsPeersSend() {
    assertThat(WebFingerResource.localName("acct:alice@localhost:8080", urls)).contains("alice");
    assertThat(WebFingerResource.localName("ACCT:alice@LOCALHOST:8080", urls)).contains("alice");
    assertThat(WebFingerResource.localName("alice@localhost:8080", urls)).contains("alice");
    assertThat(WebFingerResource.localName("acct:@alice@localhost:8080", urls)).contains("alice");
    assertThat(WebFingerResource.localName("http://localhost:8080/video-channels/cooking_1", urls))
        .contains("cooking_1");
    assertThat(WebFingerResource.localName("http://localhost:8080/accounts/alice", urls)).contains("alice");
  }

  @Test
  void otherHostsAndForeignUrls_areNotOurs() {
    assertThat(WebFingerResource.localName("acct:alice@localhost", urls)).isEmpty();
    assertThat(WebFingerResource.localName("acct:alice@other.example", urls)).isEmpty();
    assertThat(WebFingerResource.localName("https://other.example/accounts/alice", urls)).isEmpty();
    assertThat(WebFingerResource.localName("http://localhost:8080/videos/watch/x", urls)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "acct:", "alice", "acct:alice@", "acct:@localhost:8080", "a@b@localhost:8080",
      "acct:al ice@localhost:8080", "acct:alice/../x@localhost:8080", "http://localhost:8080/accounts/a b"})
  void malformed_isInvalidRequestNamingTheParameter(String resource) {
    assertThatThrownBy(() -> WebFingerResource.localName(resource, urls))
        .isInstanceOfSatisfying(FedgateException.class, e -> {
          assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
          assertThat(e.field()).contains("resource");
        });
  }

  @Test
  void missing_isInvalidRequest() {
    assertThatThrownBy(() -> WebFingerResource.localName(null, urls)).isInstanceOf(FedgateException.class);
  }
}

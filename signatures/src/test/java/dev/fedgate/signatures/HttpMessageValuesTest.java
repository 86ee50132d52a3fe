package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plain request/response values: header order and case, authority and target forms, defensive copies. */
class HttpMessageValuesTest {
  @Test
  void headers_keepWireOrder_andMatchNamesCaseInsensitively() {
    HttpHeaders h = HttpHeaders.of("Accept", "a", "Host", "x", "accept", "b");

    assertThat(h.values("ACCEPT")).containsExactly("a", "b");
    assertThat(h.first("host")).contains("x");
    assertThat(h.without("Accept").fields()).extracting(HttpHeaders.Field::name).containsExactly("Host");
    assertThat(h.replacing("accept", "c").values("Accept")).containsExactly("c");
    assertThat(h.with("X", "1")).isNotEqualTo(h);
    assertThatThrownBy(() -> HttpHeaders.of("odd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void request_authorityDropsDefaultPort_andKeepsOthers() {
    HttpHeaders none = HttpHeaders.empty();
    assertThat(HttpRequest.of("GET", URI.create("https://Social.Example:443/a"), none).authority()).isEqualTo("social.example");
    assertThat(HttpRequest.of("GET", URI.create("http://social.example:80/a"), none).authority()).isEqualTo("social.example");
    assertThat(HttpRequest.of("GET", URI.create("https://social.example:8443/a"), none).authority()).isEqualTo("social.example:8443");
  }

  @Test
  void request_pathAndQuery_isRawAsSent() {
    HttpRequest r = HttpRequest.of("GET", URI.create("https://h.example/a%2Fb?q=%20x&y"), HttpHeaders.empty());
    assertThat(r.pathAndQuery()).isEqualTo("/a%2Fb?q=%20x&y");
    assertThat(HttpRequest.of("GET", URI.create("https://h.example"), HttpHeaders.empty()).pathAndQuery()).isEqualTo("/");
  }

  @Test
  void bodies_areCopied_andRelativeTargetsRefused() {
    byte[] body = {1, 2, 3};
    HttpRequest r = HttpRequest.of("POST", URI.create("https://h.example/inbox"), HttpHeaders.empty(), body);
    body[0] = 9;
    r.body()[1] = 9;

    assertThat(r.body()).containsExactly(1, 2, 3);
    assertThat(r).isEqualTo(HttpRequest.of("POST", URI.create("https://h.example/inbox"), HttpHeaders.empty(), new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> HttpRequest.of("GET", URI.create("/inbox"), HttpHeaders.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpResponse.of(42, HttpHeaders.empty(), new byte[0], Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }
}

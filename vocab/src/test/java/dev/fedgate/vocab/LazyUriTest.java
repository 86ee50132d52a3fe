package dev.fedgate.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@link LazyUri} reads, compares and hashes exactly as the {@link URI} built from its text. */
class LazyUriTest {
  @ParameterizedTest
  @ValueSource(strings = {"https://a.example/v/1", "magnet:?xt=urn:btih:abc&dn=x", "http://[::1]:80/x",
      "https://u@a.example/x", "as:Public", "urn:isbn:0451450523", "https://a.example/\u00e9"})
  void uri_isTheUriOfTheText(String text) throws URISyntaxException {
    LazyUri lazy = LazyUri.parse(text);

    assertThat(lazy.uri()).isEqualTo(new URI(text)).hasToString(text).isSameAs(lazy.uri());
    assertThat(lazy).hasToString(text);
    assertThat(lazy.isAbsolute()).isEqualTo(new URI(text).isAbsolute());
    assertThat(lazy.scheme()).isEqualTo(new URI(text).getScheme());
    assertThat(lazy.host()).isEqualTo(new URI(text).getHost());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://a b.example/", "https://a.example/%zz", "http://[::1/", ":x", "1a:b"})
  void parse_refusesWhatUriRefuses(String text) {
    assertThatThrownBy(() -> new URI(text)).isInstanceOf(URISyntaxException.class);
    assertThatThrownBy(() -> LazyUri.parse(text)).isInstanceOf(URISyntaxException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "https://a.example/x, https://a.example/x",
      "HTTPS://A.Example/x, https://a.example/x",
      "https://a.example/%2f, https://a.example/%2F",
      "https://a.example/x, https://a.example/X",
      "https://a.example/x, https://a.example/x/",
      "magnet:?dn=%e2, magnet:?dn=%E2",
      "magnet:?dn=a, MAGNET:?dn=a",
      "https://a.example:443/x, https://a.example/x"})
  void equalsAndHashCode_areUris(String left, String right) throws URISyntaxException {
    boolean equal = new URI(left).equals(new URI(right));

    assertThat(LazyUri.parse(left).equals(LazyUri.parse(right))).isEqualTo(equal);
    assertThat(LazyUri.parse(left).equals(LazyUri.of(new URI(right)))).isEqualTo(equal);
    if (equal) {
      assertThat(LazyUri.parse(left).hashCode()).isEqualTo(LazyUri.parse(right).hashCode())
          .isEqualTo(new URI(right).hashCode());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://a.example/v/1", "magnet:?xt=urn:btih:abc"})
  void link_readFromText_equalsLinkOfBuiltUri(String text) throws URISyntaxException {
    assertThat(Link.of(LazyUri.parse(text))).isEqualTo(Link.of(new URI(text)))
        .hasSameHashCodeAs(Link.of(new URI(text)));
    assertThat(Link.of(LazyUri.parse(text)).href()).isEqualTo(new URI(text));
  }
}

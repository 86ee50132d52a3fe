package dev.fedgate.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.vocab.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UriSyntax} never accepts what {@code java.net.URI} refuses, and what it accepts has the scheme and host it
 * claims: checked on every string of the real fixtures, hostile URLs, random mutations of both and random strings
 * built from URL pieces (a fixed seed, so a failure reproduces).
 */
class UriSyntaxTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Characters that sit on the edges of the grammar: delimiters, escapes, spaces, controls, non-ASCII, surrogates. */
  private static final String EDGES = "%%[]@:/?#.-_~+!$&'()*,;= \t\r\n\u0000\u007f\u0080\u00e9\u0100\u2028\ud800"
      + "\\\"<>{}|^`0aF9zZ";
  private static final String[] HOSTILE = {
      "http://a b.example/", "http://a.example/ x", " http://a.example/", "http://a.example/\n", "http:\\\\a.example",
      "http://[::1]/", "http://[::1", "http://u:p@a.example/", "http://@a.example/", "http://a.example:99999999/",
      "http://a.example:/", "http://:80/", "http://1.2.3.4/", "http://1.2.3.256/", "http://999999999999/",
      "http://-a.example/", "http://a-.example/", "http://a..example/", "http://a.example./", "http://a.1b/",
      "http://a_b.example/", "http://%61.example/", "http://a.example/%", "http://a.example/%4", "http://a.example/%zz",
      "http://a.example/%4G", "http://a.example/[x]", "http://a.example/?q=[x]", "http://a.example/#a#b",
      "http://a.example/?q#f?g", "http:///path", "http://", "http:", "http:/", "file:///etc/passwd", "file:/etc",
      "//a.example/x", "/relative", "relative", "", ":", "1http://a.example/", "ht tp://a.example/", "h%74tp://a/",
      "javascript:alert(1)", "data:text/html,<script>", "mailto:", "x:", "x:#f", "a:b:c", "magnet:?xt=urn:btih:",
      "magnet:?dn=%E2%9C%93", "magnet:?dn=\u2713", "http://a.example/\u00e9", "http://\u00e9.example/",
      "http://a.example/\ud800", "http://xn--bcher-kva.example/", "HTTP://A.EXAMPLE/B", "http://a.example:0080/",
      "https://a.example:443", "wss://a.example:443/tracker/socket", "https://a.example?q", "https://a.example#f",
      "https://0.example/", "https://a.0/", "https://a.example/p;x=1/q:r@s&t=u+v$w,y", "urn:isbn:0451450523"};

  @ParameterizedTest
  @ValueSource(strings = {
      "https://tilvids.com/videos/watch/e7946124-7b72-4ad7-9d22-844a84bb2de1",
      "https://tilvids.com/static/streaming-playlists/hls/e7946124/0c4fa4a0-1080-fragmented.mp4",
      "magnet:?xs=https%3A%2F%2Ftilvids.com%2Flazy-static%2Ftorrents%2Fcf32.torrent&dn=A+title&tr=wss%3A%2F%2Fa",
      "wss://tilvids.com:443/tracker/socket", "http://localhost:9000/accounts/root",
      "https://mastodon.social/users/Gargron#main-key", "https://a.example/tags/x?page=1&min_id=2#top",
      "https://3dprinting.social/@someone", "https://www.w3.org/ns/activitystreams#Public", "http://1.2.3.4/",
      "http://127.0.0.1:38211/users/7#main-key", "http://10.0.0.255", "http://0.0.0.0?q", "https://192.168.1.20#f",
      "https://1.2.3.4-x.example/"})
  void accepts_theCommonShapes(String text) throws URISyntaxException {
    assertThat(UriSyntax.isCommonAbsolute(text)).isTrue();
    assertAgreesWithUri(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://01.2.3.4/", "http://1.2.3.256/", "http://1.2.3/", "http://1.2.3.4.5/", "http://1.2.3.4a/",
      "http://1234.2.3.4/", "http://[::1]/", "http://u@a.example/", "http://a.example./", "http://a_b.example/",
      "http://123/", "file:///x", "file:/x", "http://a.example:/", "http://a.example:123456/",
      "http://a.example/?q=[x]", "http://a.example/\u00e9", "http://a.example/\u0000", "x:", "/relative"})
  void leavesToUri_whatIsOutsideTheSubset(String text) {
    assertThat(UriSyntax.isCommonAbsolute(text)).isFalse();
  }

  @Test
  void neverAcceptsWhatUriRefuses_inFixturesHostileUrlsAndMutations() throws URISyntaxException {
    Set<String> corpus = new LinkedHashSet<>(List.of(HOSTILE));
    for (String file : Fixtures.files("peertube", "mastodon", "lemmy", "mobilizon", "akkoma", "fedify", "mbin",
        "bookwyrm", "wordpress-activitypub", "letterbook")) {
      strings(file, corpus);
    }
    Random random = new Random(20261125);
    List<String> seeds = new ArrayList<>(corpus);
    int accepted = 0;
    for (String text : seeds) {
      accepted += assertAgreesWithUri(text) ? 1 : 0;
      for (int i = 0; i < 8; i++) {
        accepted += assertAgreesWithUri(mutate(text, random)) ? 1 : 0;
      }
    }
    // The property is only worth something if the fast answer is often yes.
    assertThat(accepted).isGreaterThan(seeds.size() / 4);
  }

  @Test
  void neverAcceptsWhatUriRefuses_inRandomUrlPieces() throws URISyntaxException {
    String[] pieces = {"http", "https", "magnet", "x+y.z-1", "H", ":", "//", "/", "?", "#", "%", "%2F", "%e9", "@",
        "[", "]", ".", "..", "-", "a", "Z", "0", "9", "example", "com", "1.2.3.4", "127.0.0.1", "255", "256", "01",
        ":443", ":", "=", "&", ";", ",",
        "+", "$", "~", "'", "(", "!", "*", " ", "\u00e9", "\\", "\"", "|", "xn--a", "a-", "-a", "_"};
    Random random = new Random(4);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int count = 1 + random.nextInt(12);
      for (int j = 0; j < count; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      accepted += assertAgreesWithUri(text.toString()) ? 1 : 0;
    }
    assertThat(accepted).isGreaterThan(1_000);
  }

  /** Whether {@code text} was accepted; if it was, {@code URI} reads it, absolute, with the scheme and host. */
  private static boolean assertAgreesWithUri(String text) throws URISyntaxException {
    if (!UriSyntax.isCommonAbsolute(text)) {
      return false;
    }
    assertThatCode(() -> new URI(text)).as(text).doesNotThrowAnyException();
    URI uri = new URI(text);
    String scheme = text.substring(0, text.indexOf(':'));
    boolean hierarchical = text.startsWith("//", scheme.length() + 1);
    assertThat(uri.isAbsolute()).as(text).isTrue();
    assertThat(uri.getScheme()).as(text).isEqualTo(scheme);
    assertThat(uri.getHost() != null).as(text).isEqualTo(hierarchical);
    LazyUri lazy = LazyUri.parse(text);
    assertThat(lazy.scheme()).as(text).isEqualTo(uri.getScheme());
    assertThat(lazy.host()).as(text).isEqualTo(uri.getHost());
    return true;
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char c = EDGES.charAt(random.nextInt(EDGES.length()));
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, c);
        case 1 -> {
          if (out.length() > 0) {
            out.setCharAt(at, c);
          }
        }
        default -> {
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
        }
      }
    }
    return out.toString();
  }

  /** Every string value of the fixture's document; a file that is not JSON adds nothing. */
  private static void strings(String file, Set<String> into) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(Fixtures.body(file));
    } catch (IOException | RuntimeException e) {
      return;
    }
    collect(tree, into);
  }

  private static void collect(JsonNode node, Set<String> into) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      into.add(node.textValue());
    }
    node.forEach(child -> collect(child, into));
  }
}

package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  @Test
  void mastodonMarkup_isKept() {
    String html = "<p><span class=\"h-card\"><a href=\"https://mamot.fr/@retiolus\" class=\"u-url mention\">"
        + "@<span>retiolus</span></a></span> hello<br>there</p>";

    String clean = sanitizer.sanitize(html);

    assertThat(clean).contains("<span class=\"h-card\">", "href=\"https://mamot.fr/@retiolus\"", "class=\"u-url mention\"",
        "<br>", "hello");
    assertThat(clean).contains("rel=\"nofollow noopener noreferrer\"");
  }

  @Test
  void scriptsHandlersAndJavascriptUrls_areRemoved() {
    String clean = sanitizer.sanitize("<p onmouseover=\"x()\">a<script>alert(1)</script>"
        + "<a href=\"javascript:alert(1)\">b</a><img src=x onerror=alert(1)><iframe src=\"https://e\"></iframe>"
        + "<style>p{}</style></p>");

    assertThat(clean).doesNotContain("script", "onmouseover", "javascript", "img", "onerror", "iframe", "style");
    assertThat(clean).contains("a", "b");
  }

  /** Links the fast path leaves to jsoup: kept (in jsoup's resolved form) or dropped exactly as by jsoup alone. */
  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
      "java\tscript:alert(1)", "https://a.example/\tjavascript:x", "https://a b.example/", " https://a.example/",
      "\u0001https://a.example/", "https:/\u007f/a.example", "data:text/html,<script>alert(1)</script>", "vbscript:x",
      "mailto:a@example.com", "MAILTO:a@example.com", "/relative", "//proto.rel/x", "#fragment",
      "ftp://files.example/x", "https:a.example", ""})
  void otherLinks_areKeptOrDroppedExactlyAsJsoupAlone(String href) {
    assertThat(HtmlSanitizer.isPlainWebLink(href)).isFalse();

    assertThat(sanitizer.sanitize(link(href))).isEqualTo(jsoupAlone(link(href)));
  }

  /** Plain web links are kept as written, where jsoup alone would resolve them again (here, changing nothing else). */
  @ParameterizedTest
  @ValueSource(strings = {"https://mamot.fr/@retiolus", "HTTPS://Example.COM/a?b=c&d=e#f", "http://x.example",
      "https://ex.example/caf\u00e9", "https://a.example/\"onmouseover=\"x()", "https://a.example/a/../b"})
  void plainWebLinks_areKeptAsWritten(String href) {
    String clean = sanitizer.sanitize(link(href));

    assertThat(Jsoup.parseBodyFragment(clean).selectFirst("a").attr("href")).isEqualTo(href);
    assertThat(Jsoup.parseBodyFragment(jsoupAlone(link(href))).selectFirst("a").hasAttr("href")).isTrue();
    assertThat(clean).contains("rel=\"nofollow noopener noreferrer\"").doesNotContain("onmouseover=\"x");
  }

  private static String link(String href) {
    return "<p><a href=\"" + href.replace("&", "&amp;").replace("\"", "&quot;") + "\">link</a></p>";
  }

  private static String jsoupAlone(String html) {
    Safelist jsoupAlone = new Safelist().addTags("p", "a").addAttributes("a", "href")
        .addProtocols("a", "href", "http", "https", "mailto")
        .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    return Jsoup.clean(html, "", jsoupAlone, new Document.OutputSettings().prettyPrint(false));
  }

  @Test
  void plainWebLinks_areAbsoluteHttpWithNothingABrowserWouldStrip() {
    assertThat(HtmlSanitizer.isPlainWebLink("https://a.example/x")).isTrue();
    assertThat(HtmlSanitizer.isPlainWebLink("Http://a.example")).isTrue();
    assertThat(HtmlSanitizer.isPlainWebLink("https://a.example/\tx")).isFalse();
    assertThat(HtmlSanitizer.isPlainWebLink("https://a.example/\nx")).isFalse();
    assertThat(HtmlSanitizer.isPlainWebLink(" https://a.example")).isFalse();
    assertThat(HtmlSanitizer.isPlainWebLink("https:a.example")).isFalse();
    assertThat(HtmlSanitizer.isPlainWebLink("javascript://a.example/%0aalert(1)")).isFalse();
    assertThat(HtmlSanitizer.isPlainWebLink("")).isFalse();
  }
}

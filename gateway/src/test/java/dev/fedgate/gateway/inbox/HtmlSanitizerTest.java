package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}

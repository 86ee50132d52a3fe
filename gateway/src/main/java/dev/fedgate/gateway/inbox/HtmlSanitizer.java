package dev.fedgate.gateway.inbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans remote HTML before it is stored, with an allow-list like Mastodon's: paragraphs, line breaks, links (http,
 * https and mailto only, forced {@code rel="nofollow noopener noreferrer"}), spans with their classes (mentions and
 * hashtags), emphasis, code, quotes and lists. Scripts, styles, event handlers, {@code javascript:} URLs and every other
 * element or attribute are dropped, keeping their text. CPU work: run it off the event loop.
 */
public final class HtmlSanitizer {
  private static final Safelist SAFELIST = new Safelist()
      .addTags("p", "br", "span", "a", "del", "pre", "code", "em", "strong", "b", "i", "u", "ul", "ol", "li",
          "blockquote")
      .addAttributes("a", "href", "rel", "class")
      .addAttributes("span", "class")
      .addAttributes("ol", "start", "reversed")
      .addAttributes("li", "value")
      .addProtocols("a", "href", "http", "https", "mailto")
      .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
  private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

  /** The clean HTML body of {@code html}. */
  public String sanitize(String html) {
    return Jsoup.clean(html, "", SAFELIST, OUTPUT);
  }
}

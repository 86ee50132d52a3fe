package dev.fedgate.gateway.inbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Cleans remote HTML before it is stored, with an allow-list like Mastodon's: paragraphs, line breaks, links (http,
 * https and mailto only, forced {@code rel="nofollow noopener noreferrer"}), spans with their classes (mentions and
 * hashtags), emphasis, code, quotes and lists. Scripts, styles, event handlers, {@code javascript:} URLs and every other
 * element or attribute are dropped, keeping their text. CPU work: run it off the event loop.
 *
 * <p>A link that is plainly a web address ({@link #isPlainWebLink}) is kept as written; jsoup checks every other
 * link's protocol by resolving it as a {@code java.net.URL}, and keeps it in that resolved form. Resolving was a third
 * of the time of a typical Mastodon reply, and resolving plain links again to rewrite them another 1.8 % of the inbox's
 * CPU.
 */
public final class HtmlSanitizer {
  private static final Safelist SAFELIST = new WebLinks(new Safelist()
      .addTags("p", "br", "span", "a", "del", "pre", "code", "em", "strong", "b", "i", "u", "ul", "ol", "li",
          "blockquote")
      .addAttributes("a", "href", "rel", "class")
      .addAttributes("span", "class")
      .addAttributes("ol", "start", "reversed")
      .addAttributes("li", "value")
      .addProtocols("a", "href", "http", "https", "mailto")
      .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer"))
      // jsoup rewrites no link itself then: WebLinks rewrites the ones that are not plain, as jsoup would have.
      .preserveRelativeLinks(true);
  private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

  /** The clean HTML body of {@code html}. */
  public String sanitize(String html) {
    return Jsoup.clean(html, "", SAFELIST, OUTPUT);
  }

  /**
   * Whether {@code href} is an absolute {@code http} or {@code https} URL with no whitespace or control character
   * anywhere: browsers drop tabs and line breaks inside a URL and trim spaces and controls around it, so only such a
   * value is certain to keep the scheme it starts with.
   */
  static boolean isPlainWebLink(String href) {
    if (!href.regionMatches(true, 0, "https://", 0, 8) && !href.regionMatches(true, 0, "http://", 0, 7)) {
      return false;
    }
    for (int i = 0; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * The allow-list, passing plain web links as written without jsoup's URL resolution, and keeping any other allowed
   * link in its resolved form.
   */
  private static final class WebLinks extends Safelist {
    WebLinks(Safelist safelist) {
      super(safelist);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
      if (!tagName.equals("a") || !attribute.getKey().equals("href")) {
        return super.isSafeAttribute(tagName, element, attribute);
      }
      if (isPlainWebLink(attribute.getValue())) {
        return true;
      }
      if (!super.isSafeAttribute(tagName, element, attribute)) {
        return false;
      }
      String resolved = element.absUrl("href");
      if (!resolved.isEmpty()) {
        attribute.setValue(resolved);
      }
      return true;
    }
  }
}

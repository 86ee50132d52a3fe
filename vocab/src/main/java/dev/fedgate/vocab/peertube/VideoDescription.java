package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.LocalizedText;

/**
 * How a video's markdown description reaches both peers: PeerTube reads {@code content} as {@code text/markdown};
 * Mastodon ignores {@code content} for a Video and shows {@code summary}, so the summary carries an escaped, shortened
 * HTML paragraph of the same text.
 */
public final class VideoDescription {
  /** The media type of {@code content}, which PeerTube requires to be markdown or HTML. */
  public static final String MEDIA_TYPE = "text/markdown";

  /** Longest excerpt, in characters before escaping: enough for a timeline card, far below Mastodon's limits. */
  public static final int MAX_EXCERPT = 500;

  private VideoDescription() {}

  /** The HTML summary for {@code markdown}: the first paragraphs, escaped, cut at {@link #MAX_EXCERPT}. */
  public static LocalizedText summaryFor(String markdown) {
    String text = markdown.strip().replace("\r\n", "\n");
    if (text.length() > MAX_EXCERPT) {
      int cut = text.lastIndexOf(' ', MAX_EXCERPT);
      text = text.substring(0, cut > MAX_EXCERPT / 2 ? cut : MAX_EXCERPT) + "…";
    }
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\n{2,}")) {
      if (!paragraph.isBlank()) {
        html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
      }
    }
    return LocalizedText.of(html.toString());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

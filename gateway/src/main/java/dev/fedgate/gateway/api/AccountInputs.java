package dev.fedgate.gateway.api;

import static dev.fedgate.gateway.api.ApiInput.invalid;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the bodies of the Site API's account actions and comments, naming the field at fault. */
public final class AccountInputs {
  /** PeerTube refuses a comment over 10,000 characters. */
  static final int TEXT_MAX = 10_000;
  private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");

  private AccountInputs() {}

  /** What to follow: a handle {@code @user@host} or an actor URL, unchecked beyond its length. */
  public static String followTarget(String body) {
    return ApiInput.body(body).requiredString("target", 3, 2000).strip();
  }

  /** The remote object named by {@code field} of a body (what to like, what to reply to). */
  public static URI objectUrl(String body, String field) {
    return ApiInput.body(body).requiredUrl(field);
  }

  /** {@code text} as an absolute http(s) URL, or a problem naming {@code field}. */
  public static URI url(String field, String text) {
    return ApiInput.httpUrl(field, text);
  }

  /** A reply by a local account to a remote object. */
  public record Reply(URI inReplyTo, String text) {}

  /** The body of {@code POST /accounts/{name}/replies}. */
  public static Reply reply(String body) {
    ApiInput in = ApiInput.body(body);
    return new Reply(in.requiredUrl("inReplyTo"), in.requiredString("text", 1, TEXT_MAX));
  }

  /** A local comment: its author account, its text, and the local comment it answers, if any. */
  public record LocalComment(String account, String text, Optional<Long> inReplyTo) {}

  /** The body of {@code POST /videos/{uuid}/comments}. */
  public static LocalComment comment(String body) {
    ApiInput in = ApiInput.body(body);
    String account = SiteInputs.name("/account", in.optionalString("account", 50)
        .orElseThrow(() -> invalid("/account", "is required")));
    return new LocalComment(account, in.requiredString("text", 1, TEXT_MAX),
        in.optionalLong("inReplyTo", 1, Long.MAX_VALUE));
  }

  /**
   * Plain text (or markdown, kept as written) as the HTML both peers read: escaped, blank lines start paragraphs,
   * single line breaks become {@code <br>}. Mastodon shows {@code content} as HTML; PeerTube sanitizes it likewise.
   */
  public static String html(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : PARAGRAPHS.split(text.strip())) {
      html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

package dev.fedgate.signatures.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (IMF-fixdate, RFC 9110 §5.6.7), as the {@code Date} header carries them. */
public final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  /** Day-of-week is ignored, as Ruby's Time.httpdate (Mastodon) ignores it; only the date itself counts. */
  private static final DateTimeFormatter WITHOUT_WEEKDAY =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);
  /** An HTTP date is 29 characters; anything much longer is not one. */
  private static final int MAX_CHARS = 64;

  private HttpDates() {}

  /** IMF-fixdate of the instant, e.g. {@code Wed, 20 Dec 2023 10:00:00 GMT}. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /** Parses an IMF-fixdate, ignoring a wrong day-of-week; empty when it is not one. */
  public static Optional<Instant> parse(String value) {
    if (value == null || value.length() > MAX_CHARS) {
      return Optional.empty();
    }
    String v = value.strip();
    int comma = v.indexOf(", ");
    String date = comma == 3 ? v.substring(5) : v;
    Optional<Instant> fast = parseFixed(date);
    if (fast.isPresent()) {
      return fast;
    }
    try {
      return Optional.of(WITHOUT_WEEKDAY.parse(date, Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The common exact shape {@code 06 Nov 1994 08:49:37 GMT}, read by hand: every inbound signature carries one, and
   * the formatter costs about as much as a tenth of an RSA verification.
   */
  private static Optional<Instant> parseFixed(String d) {
    if (d.length() != 24 || d.charAt(2) != ' ' || d.charAt(6) != ' ' || d.charAt(11) != ' ' || d.charAt(14) != ':'
        || d.charAt(17) != ':' || !d.endsWith(" GMT")) {
      return Optional.empty();
    }
    int month = MONTHS.indexOf(d.substring(3, 6)) / 3 + 1;
    int day = digits(d, 0, 2);
    int year = digits(d, 7, 11);
    int hour = digits(d, 12, 14);
    int minute = digits(d, 15, 17);
    int second = digits(d, 18, 20);
    if (month < 1 || (MONTHS.indexOf(d.substring(3, 6)) % 3) != 0 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}

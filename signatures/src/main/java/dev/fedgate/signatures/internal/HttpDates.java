package dev.fedgate.signatures.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (IMF-fixdate, RFC 9110 §5.6.7), as the {@code Date} header carries them. */
public final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  /** Day-of-week is ignored, as Ruby's Time.httpdate (Mastodon) ignores it; only the date itself counts. */
  private static final DateTimeFormatter WITHOUT_WEEKDAY =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
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
    try {
      return Optional.of(WITHOUT_WEEKDAY.parse(comma == 3 ? v.substring(5) : v, Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

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
  /** An HTTP date is 29 characters; leave room for the RFC 1123 variants the parser also reads. */
  private static final int MAX_CHARS = 64;

  private HttpDates() {}

  /** IMF-fixdate of the instant, e.g. {@code Wed, 20 Dec 2023 10:00:00 GMT}. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /** Parses an RFC 1123 date (IMF-fixdate or a numeric offset); empty when it is not one. */
  public static Optional<Instant> parse(String value) {
    if (value == null || value.length() > MAX_CHARS) {
      return Optional.empty();
    }
    try {
      return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

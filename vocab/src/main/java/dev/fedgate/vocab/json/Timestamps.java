package dev.fedgate.vocab.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO 8601 date-times with an offset, as {@link OffsetDateTime#parse} reads them. The form every peer writes,
 * {@code 2024-05-01T10:20:30[.fraction](Z|+hh:mm)}, is read by hand (the formatter costs about a microsecond per
 * value); anything else, valid or not, goes to {@link OffsetDateTime#parse}, which decides.
 */
final class Timestamps {
  private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
      10, 1};

  private Timestamps() {}

  /**
   * The instant {@code text} names.
   *
   * @throws java.time.format.DateTimeParseException when it is not an ISO date-time with an offset
   */
  static Instant parse(String text) {
    Instant common = common(text);
    return common != null ? common : OffsetDateTime.parse(text).toInstant();
  }

  /** {@code text} read by hand when it has the common form and valid fields, else {@code null}. */
  private static Instant common(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int end = 19;
    int nanos = 0;
    if (text.charAt(end) == '.') {
      int start = end + 1;
      end = start;
      while (end < length && end - start < 9 && isDigit(text.charAt(end))) {
        end++;
      }
      nanos = end == start ? -1 : digits(text, start, end - start) * FRACTION_SCALE[end - start];
    }
    ZoneOffset offset = offset(text, end);
    if ((year | month | day | hour | minute | second | nanos) < 0 || offset == null) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null; // e.g. February 30th: the formatter refuses it with its own message
    }
  }

  private static ZoneOffset offset(String text, int at) {
    int rest = text.length() - at;
    if (rest == 1 && text.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = rest == 6 ? text.charAt(at) : 0;
    if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if ((hours | minutes) < 0) {
      return null;
    }
    try {
      return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

package dev.fedgate.gateway.storage.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Opaque page cursors holding the sort key of the last row of a page (a few longs, or one text), alike in every
 * backend. Malformed cursors are refused with {@link IllegalArgumentException}; decoded keys only ever reach SQL as
 * bound parameters.
 */
public final class PageCursors {
  private PageCursors() {}

  /** A cursor holding one text sort key. */
  public static String encodeText(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The text sort key of a cursor made by {@link #encodeText}. */
  public static String decodeText(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed page cursor", e);
    }
  }

  /** A cursor holding numeric sort keys. */
  public static String encode(long... parts) {
    StringBuilder text = new StringBuilder();
    for (long part : parts) {
      if (text.length() > 0) {
        text.append('.');
      }
      text.append(part);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code count} numeric sort keys of a cursor made by {@link #encode}. */
  public static long[] decode(String cursor, int count) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] fields = text.split("\\.", -1);
      if (fields.length != count) {
        throw new IllegalArgumentException("malformed page cursor");
      }
      long[] parts = new long[count];
      for (int i = 0; i < count; i++) {
        parts[i] = Long.parseLong(fields[i]);
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed page cursor", e);
    }
  }

  /** A time as a numeric sort key: microseconds since the epoch, the precision every backend stores. */
  public static long epochMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  /** The time of a key made by {@link #epochMicros}. */
  public static Instant fromEpochMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}

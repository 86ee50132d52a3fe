package dev.fedgate.signatures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IMF-fixdate reading: the exact shape, the weekday Mastodon ignores, and the variants the formatter still reads. */
class HttpDatesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Wed, 20 Dec 2023 10:00:00 GMT|2023-12-20T10:00:00Z",
      "Mon, 20 Dec 2023 10:00:00 GMT|2023-12-20T10:00:00Z",
      "20 Dec 2023 10:00:00 GMT|2023-12-20T10:00:00Z",
      "Sun, 5 Jan 2014 21:31:40 GMT|2014-01-05T21:31:40Z",
      "  Tue, 29 Feb 2028 23:59:59 GMT  |2028-02-29T23:59:59Z"})
  void parse_readsHttpDates(String text, String expected) {
    assertThat(HttpDates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "Wed, 31 Feb 2023 10:00:00 GMT", "Wed, 20 Dex 2023 10:00:00 GMT",
      "Wed, 20 Dec 2023 25:00:00 GMT", "Wed, 20 Dec 2023 10:00:00 UTC", "Wed, 2a Dec 2023 10:00:00 GMT", "Wed, 20 ecD 2023 10:00:00 GMT"})
  void parse_refusesWhatIsNotADate(String text) {
    assertThat(HttpDates.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T04:00:00Z", "2000-01-01T00:00:09Z"})
  void format_thenParse_roundTrips(String instant) {
    assertThat(HttpDates.parse(HttpDates.format(Instant.parse(instant)))).contains(Instant.parse(instant));
  }
}

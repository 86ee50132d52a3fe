package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reading of the common form agrees with {@link OffsetDateTime#parse} on every input. */
class TimestampsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "2024-05-01T10:20:30Z", "2024-05-01T10:20:30.5Z", "2024-05-01T10:20:30.123456789Z",
      "2024-05-01T10:20:30.120+02:00", "2024-05-01T00:20:30-05:30", "2024-02-29T23:59:59-00:00",
      "0000-01-01T00:00:00Z", "2024-05-01T10:20:30+18:00", "2024-05-01T10:20:30.000001-18:00",
      // not the common form, but valid: the formatter reads them
      "2024-05-01T10:20Z", "2024-05-01t10:20:30z", "2024-05-01T10:20:30+02",
      "2024-05-01T10:20:30+02:00:15", "+12024-05-01T10:20:30Z", "2024-05-01T10:20:30.Z"})
  void readsValid_asTheFormatterDoes(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2023-02-29T10:20:30Z", "2024-13-01T10:20:30Z", "2024-05-32T10:20:30Z", "2024-05-01T24:00:00Z",
      "2024-05-01T10:60:30Z", "2024-05-01T10:20:60Z", "2024-05-01T10:20:30.1234567891Z", "2024-05-01T10:20:30+19:00",
      "2024-05-01T10:20:30+02:60", "2024-05-01T10:20:30", "2024-05-01 10:20:30Z", "2024-05-01T10:20:3aZ",
      "2024-5-01T10:20:30Z", "2024-05-01T10:20:30ZZ", "2024-05-01T10:20:30+2:00", "2024-05-01T10:20:30 +02:00",
      "2024-05-01T10:20:30.1x2Z", "2024-05-01T10:20:30+0200", "0x24-05-01T10:20:30Z", "2024-05-01T10:20:30-0a:00"})
  void refusesInvalid_asTheFormatterDoes(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}

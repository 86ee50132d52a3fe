package dev.fedgate.signatures.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading the members proofs share: key ids and XML Schema date-times (with a zone). */
final class ProofFields {
  private ProofFields() {}

  /** {@code member} as an absolute URI; empty when absent, not a string, or not an absolute URI. */
  static Optional<URI> absoluteUri(JsonNode owner, String member) {
    JsonNode value = owner.get(member);
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.textValue());
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code member} is absent or a date-time with a zone (XML Schema {@code dateTime}, as proofs use). */
  static boolean instantOrAbsent(JsonNode owner, String member) {
    return owner.get(member) == null || instant(owner, member).isPresent();
  }

  /** {@code member} as an instant; empty when absent or not a date-time with a zone. */
  static Optional<Instant> instant(JsonNode owner, String member) {
    JsonNode value = owner.get(member);
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.textValue()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code member} is the string {@code expected}. */
  static boolean is(JsonNode owner, String member, String expected) {
    JsonNode value = owner.get(member);
    return value != null && value.isTextual() && value.textValue().equals(expected);
  }
}

package dev.fedgate.signatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Immutable, ordered multimap of header fields as they appear on the wire; names compare case-insensitively. */
public final class HttpHeaders {
  private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

  private final List<Field> fields;

  /** One header line: its name as sent and its raw value. */
  public record Field(String name, String value) {
    /** Validates that name and value are present. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  private HttpHeaders(List<Field> fields) {
    this.fields = fields;
  }

  /** No headers. */
  public static HttpHeaders empty() {
    return EMPTY;
  }

  /** Headers from alternating name, value arguments. */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** A builder that keeps insertion order. */
  public static Builder builder() {
    return new Builder();
  }

  /** All fields in wire order. */
  public List<Field> fields() {
    return fields;
  }

  /** Every value of the named field, in wire order; empty when absent. */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>(1);
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        out.add(f.value());
      }
    }
    return out;
  }

  /** The first value of the named field. */
  public Optional<String> first(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  /** Whether the named field is present. */
  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** A copy with the field appended. */
  public HttpHeaders with(String name, String value) {
    List<Field> copy = new ArrayList<>(fields);
    copy.add(new Field(name, value));
    return new HttpHeaders(List.copyOf(copy));
  }

  /** A copy with every line of the named field replaced by one line holding the value. */
  public HttpHeaders replacing(String name, String value) {
    return without(name).with(name, value);
  }

  /** A copy without the named field. */
  public HttpHeaders without(String name) {
    List<Field> copy = new ArrayList<>(fields.size());
    for (Field f : fields) {
      if (!f.name().equalsIgnoreCase(name)) {
        copy.add(f);
      }
    }
    return new HttpHeaders(List.copyOf(copy));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpHeaders other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Field f : fields) {
      sb.append(f.name().toLowerCase(Locale.ROOT)).append(": ").append(f.value()).append('\n');
    }
    return sb.toString();
  }

  /** Accumulates fields in order. */
  public static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    private Builder() {}

    /** Appends one field line. */
    public Builder add(String name, String value) {
      fields.add(new Field(name, value));
      return this;
    }

    /** The immutable headers. */
    public HttpHeaders build() {
      return new HttpHeaders(List.copyOf(fields));
    }
  }
}

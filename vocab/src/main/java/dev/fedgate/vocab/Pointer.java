package dev.fedgate.vocab;

/**
 * A JSON pointer (RFC 6901) kept as its parent and last token, so walking a document allocates no strings: the text
 * is built only when an error names the place.
 */
public final class Pointer {
  /** The whole document, {@code ""}. */
  public static final Pointer ROOT = new Pointer(null, null, -1);

  private final Pointer parent;
  private final String name;
  private final int index;

  private Pointer(Pointer parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** The property {@code name} of the object here. */
  public Pointer child(String name) {
    return new Pointer(this, name, -1);
  }

  /** The element {@code index} of the array here. */
  public Pointer child(int index) {
    return new Pointer(this, null, index);
  }

  /** The pointer text, e.g. {@code /url/1/tag/3/href}; {@code ~} and {@code /} in names escaped. */
  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(parent.toString()).append('/');
    if (name == null) {
      return text.append(index).toString();
    }
    return text.append(name.replace("~", "~0").replace("/", "~1")).toString();
  }
}

package dev.fedgate.vocab;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code to} and {@code cc} addressing of an object or activity. Public addressing is read in all three spellings
 * peers use ({@code https://www.w3.org/ns/activitystreams#Public}, {@code as:Public}, {@code Public}) and held as the
 * full IRI, which is also what we write (PeerTube and Mastodon both recognize it). The ids are held as
 * {@link LazyUri}s, built on first use; equality is by the URIs.
 */
public final class Audience {
  /** The public collection, as we write it. */
  public static final URI PUBLIC = URI.create("https://www.w3.org/ns/activitystreams#Public");

  /** Nobody addressed. */
  public static final Audience NONE = new Audience(List.of(), List.of());

  private static final LazyUri PUBLIC_ID = LazyUri.of(PUBLIC);
  private static final Set<String> PUBLIC_SPELLINGS = Set.of(PUBLIC.toString(), "as:Public", "Public");

  private final List<LazyUri> to;
  private final List<LazyUri> cc;

  /** Copies the lists and folds every public spelling into {@link #PUBLIC}. */
  public Audience(List<URI> to, List<URI> cc) {
    this(to.stream().map(LazyUri::of), cc.stream().map(LazyUri::of));
  }

  private Audience(Stream<LazyUri> to, Stream<LazyUri> cc) {
    this.to = to.map(Audience::canonical).toList();
    this.cc = cc.map(Audience::canonical).toList();
  }

  /** The ids as read from a document, public spellings folded. */
  public static Audience read(List<LazyUri> to, List<LazyUri> cc) {
    return new Audience(to.stream(), cc.stream());
  }

  /** {@code to} Public, {@code cc} the given collections (what we send for public videos and comments). */
  public static Audience publicWith(URI... cc) {
    return new Audience(List.of(PUBLIC), List.of(cc));
  }

  /** Whether {@code uri} is one of the spellings of the public collection. */
  public static boolean isPublic(URI uri) {
    return PUBLIC_SPELLINGS.contains(uri.toString());
  }

  /** The primary audience. */
  public List<URI> to() {
    return to.stream().map(LazyUri::uri).toList();
  }

  /** The secondary audience. */
  public List<URI> cc() {
    return cc.stream().map(LazyUri::uri).toList();
  }

  /** Whether Public is in {@code to} (PeerTube: PUBLIC privacy; Mastodon: public visibility). */
  public boolean publicInTo() {
    return to.contains(PUBLIC_ID);
  }

  /** Whether Public is in {@code to} or {@code cc} (PeerTube's rule for accepting a comment). */
  public boolean publicAnywhere() {
    return publicInTo() || cc.contains(PUBLIC_ID);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Audience other && to.equals(other.to) && cc.equals(other.cc);
  }

  @Override
  public int hashCode() {
    return 31 * to.hashCode() + cc.hashCode();
  }

  @Override
  public String toString() {
    return "Audience[to=" + to + ", cc=" + cc + "]";
  }

  private static LazyUri canonical(LazyUri uri) {
    return PUBLIC_SPELLINGS.contains(uri.toString()) ? PUBLIC_ID : uri;
  }
}

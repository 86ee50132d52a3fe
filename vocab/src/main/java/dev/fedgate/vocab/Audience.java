package dev.fedgate.vocab;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The {@code to} and {@code cc} addressing of an object or activity. Public addressing is read in all three spellings
 * peers use ({@code https://www.w3.org/ns/activitystreams#Public}, {@code as:Public}, {@code Public}) and held as the
 * full IRI, which is also what we write (PeerTube and Mastodon both recognize it).
 */
public record Audience(List<URI> to, List<URI> cc) {
  /** The public collection, as we write it. */
  public static final URI PUBLIC = URI.create("https://www.w3.org/ns/activitystreams#Public");

  /** Nobody addressed. */
  public static final Audience NONE = new Audience(List.of(), List.of());

  private static final Set<String> PUBLIC_SPELLINGS = Set.of(PUBLIC.toString(), "as:Public", "Public");

  /** Copies the lists and folds every public spelling into {@link #PUBLIC}. */
  public Audience {
    to = to.stream().map(Audience::canonical).toList();
    cc = cc.stream().map(Audience::canonical).toList();
  }

  /** {@code to} Public, {@code cc} the given collections (what we send for public videos and comments). */
  public static Audience publicWith(URI... cc) {
    return new Audience(List.of(PUBLIC), List.of(cc));
  }

  /** Whether {@code uri} is one of the spellings of the public collection. */
  public static boolean isPublic(URI uri) {
    return PUBLIC_SPELLINGS.contains(uri.toString());
  }

  /** Whether Public is in {@code to} (PeerTube: PUBLIC privacy; Mastodon: public visibility). */
  public boolean publicInTo() {
    return to.contains(PUBLIC);
  }

  /** Whether Public is in {@code to} or {@code cc} (PeerTube's rule for accepting a comment). */
  public boolean publicAnywhere() {
    return publicInTo() || cc.contains(PUBLIC);
  }

  private static URI canonical(URI uri) {
    return isPublic(uri) ? PUBLIC : uri;
  }
}

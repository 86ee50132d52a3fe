package dev.fedgate.vocab.jsonld;

/**
 * Namespace spellings that peers use for the same vocabulary, mapped to the one our canonical context uses, so a
 * spelling difference never counts as a redefinition and never leaves a property under a name the reader does not
 * know.
 *
 * <ul>
 *   <li>schema.org: Mastodon, Pleroma and Misskey declare {@code "schema": "http://schema.org#"}, PeerTube
 *       {@code "sc": "http://schema.org/"}; both mean the schema.org vocabulary ({@code PropertyValue}, {@code value}).
 *   <li>ActivityStreams: older documents use {@code http://www.w3.org/ns/activitystreams#} (including for
 *       {@code Public}); the namespace is {@code https://www.w3.org/ns/activitystreams#}.
 * </ul>
 */
final class IriAliases {
  static final String SCHEMA = "http://schema.org/";
  static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams#";
  private static final String[] SCHEMA_SPELLINGS = {"http://schema.org#", "https://schema.org/", "https://schema.org#"};
  private static final String ACTIVITY_STREAMS_HTTP = "http://www.w3.org/ns/activitystreams#";

  private IriAliases() {}

  /** {@code iri} with its namespace spelled the canonical way. */
  static String normalize(String iri) {
    if (iri.startsWith(ACTIVITY_STREAMS_HTTP)) {
      return ACTIVITY_STREAMS + iri.substring(ACTIVITY_STREAMS_HTTP.length());
    }
    for (String spelling : SCHEMA_SPELLINGS) {
      if (iri.startsWith(spelling)) {
        return SCHEMA + iri.substring(spelling.length());
      }
    }
    return iri;
  }
}

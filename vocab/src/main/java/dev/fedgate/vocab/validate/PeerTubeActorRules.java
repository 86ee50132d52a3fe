package dev.fedgate.vocab.validate;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.PublicKey;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PeerTube's acceptance rules for a remote actor: {@code sanitizeAndCheckActorObject} in
 * {@code server/core/helpers/custom-validators/activitypub/actor.ts} (reference peertube.md §3.2).
 */
public final class PeerTubeActorRules {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9\\-_.:]+");
  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  /** {@code id} and {@code inbox} are http(s) URLs of at most 2000 characters; refuse. */
  public static final Rule<Actor> ID_AND_INBOX = new Rule<>("peertube.actor.id-and-inbox", (a, f) -> {
    if (!WebUrls.valid(a.id())) {
      f.refuse("/id", "must be an http(s) URL of at most 2000 characters");
    }
    if (a.inbox().filter(WebUrls::valid).isEmpty()) {
      f.refuse("/inbox", "must be an http(s) URL of at most 2000 characters");
    }
    return a;
  });

  /** {@code isActorPreferredUsernameValid}: {@code ^[A-Za-z0-9\-_.:]+$}, no unicode, no {@code @}; refuse. */
  public static final Rule<Actor> PREFERRED_USERNAME = new Rule<>("peertube.actor.preferred-username", (a, f) -> {
    if (a.preferredUsername().filter(u -> USERNAME.matcher(u).matches()).isEmpty()) {
      f.refuse("/preferredUsername", "must match [A-Za-z0-9-_.:]+");
    }
    return a;
  });

  /**
   * {@code isActorPublicKeyObjectValid}: id and owner URLs, an SPKI PEM ({@code BEGIN PUBLIC KEY}, not PKCS#1's
   * {@code BEGIN RSA PUBLIC KEY}) of 10 to 5000 characters; refuse.
   */
  public static final Rule<Actor> PUBLIC_KEY = new Rule<>("peertube.actor.public-key", (a, f) -> {
    Optional<PublicKey> key = a.publicKeys().stream().findFirst();
    if (key.isEmpty()) {
      f.refuse("/publicKey", "is required");
      return a;
    }
    PublicKey k = key.get();
    String pem = k.publicKeyPem();
    if (!WebUrls.valid(k.id()) || k.owner().filter(WebUrls::valid).isEmpty()) {
      f.refuse("/publicKey", "id and owner must be http(s) URLs");
    }
    if (!pem.startsWith(PEM_BEGIN) || !pem.contains(PEM_END) || pem.length() < 10 || pem.length() > 5000) {
      f.refuse("/publicKey/publicKeyPem", "must be an SPKI PEM (BEGIN PUBLIC KEY) of 10 to 5000 characters");
    }
    return a;
  });

  /** {@code endpoints.sharedInbox}, {@code outbox}, {@code followers}, {@code following}: URLs if present; refuse. */
  public static final Rule<Actor> OPTIONAL_URLS = new Rule<>("peertube.actor.optional-urls", (a, f) -> {
    invalidUrl(f, "/endpoints/sharedInbox", a.sharedInbox());
    invalidUrl(f, "/outbox", a.outbox());
    invalidUrl(f, "/followers", a.followers());
    invalidUrl(f, "/following", a.following());
    return a;
  });

  /** A {@code Group} (channel) must have a non-empty {@code attributedTo}: its owning account; refuse. */
  public static final Rule<Actor> GROUP_OWNER = new Rule<>("peertube.actor.group-owner", (a, f) -> {
    if (a.type() == ActorType.GROUP && a.attributedTo().isEmpty()) {
      f.refuse("/attributedTo", "a Group must be attributed to its owning Person");
    }
    return a;
  });

  /** {@code url} keeps plain URLs and {@code text/html} Links; adjust. */
  public static final Rule<Actor> URL = new Rule<>("peertube.actor.url", (a, f) -> {
    List<Link> kept = a.url().stream().filter(l -> l.isBare() || l.hasMediaType("text/html")).toList();
    if (kept.size() == a.url().size()) {
      return a;
    }
    f.adjust("/url", "kept only text/html links");
    return a.toBuilder().url(kept).build();
  });

  /** {@code summary}: truncated to 1000 characters, dropped under 3; adjust. */
  public static final Rule<Actor> SUMMARY = new Rule<>("peertube.actor.summary", (a, f) -> {
    Optional<String> summary = a.summary().best();
    if (summary.isEmpty() || summary.get().length() >= 3 && summary.get().length() <= 1000) {
      return a;
    }
    if (summary.get().length() < 3) {
      f.adjust("/summary", "dropped: under 3 characters");
      return a.toBuilder().summary(LocalizedText.EMPTY).build();
    }
    f.adjust("/summary", "truncated to 1000 characters");
    return a.toBuilder().summary(summary.get().substring(0, 1000)).build();
  });

  /** Every rule, in PeerTube's order of checks. */
  public static final RuleSet<Actor> ALL =
      RuleSet.of(ID_AND_INBOX, PREFERRED_USERNAME, PUBLIC_KEY, OPTIONAL_URLS, GROUP_OWNER, URL, SUMMARY);

  private PeerTubeActorRules() {}

  /** Validates {@code actor} as PeerTube would after fetching it. */
  public static Validation<Actor> validate(Actor actor) {
    return ALL.validate(actor);
  }

  private static void invalidUrl(Findings f, String pointer, Optional<URI> value) {
    if (value.filter(u -> !WebUrls.valid(u)).isPresent()) {
      f.refuse(pointer, "must be an http(s) URL of at most 2000 characters");
    }
  }
}

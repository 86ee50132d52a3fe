package dev.fedgate.vocab.validate;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.PublicKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mastodon's rules for a remote actor: {@code ActivityPub::FetchRemoteActorService} and
 * {@code ProcessAccountService} (reference mastodon.md §(a) and the caps of §(h)).
 */
public final class MastodonActorRules {
  /** {@code Account::USERNAME_ONLY_RE}. */
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]+([.-]+[a-z0-9_]+)*", Pattern.CASE_INSENSITIVE);

  /** "preferredUsername or webfinger is a requirement for Mastodon compatibility"; refuse. */
  public static final Rule<Actor> HANDLE = new Rule<>("mastodon.actor.handle", (a, f) -> {
    if (a.preferredUsername().isEmpty() && a.webfinger().isEmpty()) {
      f.refuse("/preferredUsername", "preferredUsername or webfinger is required");
    }
    return a;
  });

  /** The confirmed username must match {@code USERNAME_ONLY_RE} (main); refuse. */
  public static final Rule<Actor> USERNAME_PATTERN = new Rule<>("mastodon.actor.username-pattern", (a, f) -> {
    if (a.preferredUsername().filter(u -> !USERNAME.matcher(u).matches()).isPresent()) {
      f.refuse("/preferredUsername", "must match [a-z0-9_]+([.-]+[a-z0-9_]+)*");
    }
    return a;
  });

  /** {@code id} must use http or https; {@code inbox} must not be blank (main raises "has no inbox"); refuse. */
  public static final Rule<Actor> ID_AND_INBOX = new Rule<>("mastodon.actor.id-and-inbox", (a, f) -> {
    if (!WebUrls.valid(a.id())) {
      f.refuse("/id", "must be an http(s) URI");
    }
    if (a.inbox().isEmpty()) {
      f.refuse("/inbox", "is required");
    }
    return a;
  });

  /** {@code url} on another host than the id is ignored ({@code mismatching_origin?}); adjust. */
  public static final Rule<Actor> URL_SAME_HOST = new Rule<>("mastodon.actor.url-same-host", (a, f) -> {
    String host = a.id().getHost();
    List<Link> kept = a.url().stream().filter(l -> host != null && host.equalsIgnoreCase(l.lazyHref().host()))
        .toList();
    if (kept.size() == a.url().size()) {
      return a;
    }
    f.adjust("/url", "dropped: not on the actor's host");
    return a.toBuilder().url(kept).build();
  });

  /** An embedded {@code publicKey} counts only if its {@code owner} is the actor; at most 10 keys; adjust. */
  public static final Rule<Actor> KEY_OWNER = new Rule<>("mastodon.actor.key-owner", (a, f) -> {
    List<PublicKey> kept = a.publicKeys().stream().filter(k -> k.owner().filter(a.id()::equals).isPresent())
        .limit(10).toList();
    if (kept.size() == a.publicKeys().size()) {
      return a;
    }
    f.adjust("/publicKey", "kept only keys owned by the actor, at most 10");
    return a.toBuilder().publicKeys(kept).build();
  });

  /** Display name cut at 2048, bio at 20 KiB, profile fields at 50, {@code alsoKnownAs} at 256; adjust. */
  public static final Rule<Actor> CAPS = new Rule<>("mastodon.actor.caps", (a, f) -> {
    Actor.Builder b = a.toBuilder();
    boolean changed = false;
    String name = a.name().best().orElse("");
    if (name.length() > 2048) {
      b.name(LocalizedText.of(name.substring(0, 2048)));
      f.adjust("/name", "truncated to 2048 characters");
      changed = true;
    }
    String summary = a.summary().best().orElse("");
    if (summary.length() > 20 * 1024) {
      b.summary(LocalizedText.of(summary.substring(0, 20 * 1024)));
      f.adjust("/summary", "truncated to 20 KiB");
      changed = true;
    }
    if (a.attachment().size() > 50) {
      b.attachment(a.attachment().subList(0, 50));
      f.adjust("/attachment", "kept the first 50 fields");
      changed = true;
    }
    if (a.alsoKnownAs().size() > 256) {
      b.alsoKnownAs(a.alsoKnownAs().subList(0, 256));
      f.adjust("/alsoKnownAs", "kept the first 256 entries");
      changed = true;
    }
    return changed ? b.build() : a;
  });

  /** Every rule, in Mastodon's order of checks. */
  public static final RuleSet<Actor> ALL =
      RuleSet.of(HANDLE, USERNAME_PATTERN, ID_AND_INBOX, URL_SAME_HOST, KEY_OWNER, CAPS);

  private MastodonActorRules() {}

  /** Validates {@code actor} as Mastodon would after fetching it. */
  public static Validation<Actor> validate(Actor actor) {
    return ALL.validate(actor);
  }
}

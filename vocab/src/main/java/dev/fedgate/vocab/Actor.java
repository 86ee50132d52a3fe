package dev.fedgate.vocab;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An actor ({@code Person}, {@code Group}, {@code Application}, {@code Service}, {@code Organization}) with the fields
 * PeerTube and Mastodon emit and read. Render ours with {@link #builder(ActorType, URI)}.
 */
public record Actor(
    ActorType type,
    URI id,
    Optional<String> preferredUsername,
    LocalizedText name,
    LocalizedText summary,
    List<Link> url,
    List<Image> icon,
    List<Image> image,
    Optional<URI> inbox,
    Optional<URI> outbox,
    Optional<URI> followers,
    Optional<URI> following,
    Optional<URI> sharedInbox,
    List<PublicKey> publicKeys,
    List<Multikey> assertionMethods,
    Optional<Boolean> manuallyApprovesFollowers,
    Optional<Boolean> discoverable,
    Optional<Boolean> indexable,
    List<ValueObject> attachment,
    List<ValueObject> tag,
    List<URI> alsoKnownAs,
    Optional<URI> movedTo,
    List<Ref<Actor>> attributedTo,
    Optional<Instant> published,
    Optional<String> webfinger,
    Extensions extensions)
    implements ApObject {
  /** Copies the lists and checks that nothing is null. */
  public Actor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(preferredUsername, "preferredUsername");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    url = List.copyOf(url);
    icon = List.copyOf(icon);
    image = List.copyOf(image);
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(followers, "followers");
    Objects.requireNonNull(following, "following");
    Objects.requireNonNull(sharedInbox, "sharedInbox");
    publicKeys = List.copyOf(publicKeys);
    assertionMethods = List.copyOf(assertionMethods);
    Objects.requireNonNull(manuallyApprovesFollowers, "manuallyApprovesFollowers");
    Objects.requireNonNull(discoverable, "discoverable");
    Objects.requireNonNull(indexable, "indexable");
    attachment = List.copyOf(attachment);
    tag = List.copyOf(tag);
    alsoKnownAs = List.copyOf(alsoKnownAs);
    Objects.requireNonNull(movedTo, "movedTo");
    attributedTo = List.copyOf(attributedTo);
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(webfinger, "webfinger");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** A builder for an actor of {@code type} at {@code id}; everything else starts absent or empty. */
  public static Builder builder(ActorType type, URI id) {
    return new Builder(type, id);
  }

  /** A builder holding this actor's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(type, id);
    b.preferredUsername = preferredUsername.orElse(null);
    b.name = name;
    b.summary = summary;
    b.url = url;
    b.icon = icon;
    b.image = image;
    b.inbox = inbox.orElse(null);
    b.outbox = outbox.orElse(null);
    b.followers = followers.orElse(null);
    b.following = following.orElse(null);
    b.sharedInbox = sharedInbox.orElse(null);
    b.publicKeys.addAll(publicKeys);
    b.assertionMethods.addAll(assertionMethods);
    b.manuallyApprovesFollowers = manuallyApprovesFollowers.orElse(null);
    b.discoverable = discoverable.orElse(null);
    b.indexable = indexable.orElse(null);
    b.attachment = attachment;
    b.tag = tag;
    b.alsoKnownAs = alsoKnownAs;
    b.movedTo = movedTo.orElse(null);
    b.attributedTo = attributedTo;
    b.published = published.orElse(null);
    b.webfinger = webfinger.orElse(null);
    b.extensions = extensions;
    return b;
  }

  /** Builds an {@link Actor}; each setter replaces the previous value. */
  public static final class Builder {
    private final ActorType type;
    private final URI id;
    private String preferredUsername;
    private LocalizedText name = LocalizedText.EMPTY;
    private LocalizedText summary = LocalizedText.EMPTY;
    private List<Link> url = List.of();
    private List<Image> icon = List.of();
    private List<Image> image = List.of();
    private URI inbox;
    private URI outbox;
    private URI followers;
    private URI following;
    private URI sharedInbox;
    private final List<PublicKey> publicKeys = new ArrayList<>();
    private final List<Multikey> assertionMethods = new ArrayList<>();
    private Boolean manuallyApprovesFollowers;
    private Boolean discoverable;
    private Boolean indexable;
    private List<ValueObject> attachment = List.of();
    private List<ValueObject> tag = List.of();
    private List<URI> alsoKnownAs = List.of();
    private URI movedTo;
    private List<Ref<Actor>> attributedTo = List.of();
    private Instant published;
    private String webfinger;
    private Extensions extensions = Extensions.NONE;

    private Builder(ActorType type, URI id) {
      this.type = Objects.requireNonNull(type, "type");
      this.id = Objects.requireNonNull(id, "id");
    }

    /** The handle's user part ({@code alice_channel}). */
    public Builder preferredUsername(String value) {
      this.preferredUsername = value;
      return this;
    }

    /** The display name. */
    public Builder name(String value) {
      this.name = LocalizedText.of(value);
      return this;
    }

    /** The display name, with language forms. */
    public Builder name(LocalizedText value) {
      this.name = value;
      return this;
    }

    /** The bio (HTML). */
    public Builder summary(String value) {
      this.summary = LocalizedText.of(value);
      return this;
    }

    /** The bio, with language forms. */
    public Builder summary(LocalizedText value) {
      this.summary = value;
      return this;
    }

    /** The profile page(s). */
    public Builder url(List<Link> value) {
      this.url = value;
      return this;
    }

    /** The profile page, as a plain URL. */
    public Builder url(URI value) {
      return url(List.of(Link.of(value)));
    }

    /** Avatars (PeerTube sends several sizes). */
    public Builder icon(List<Image> value) {
      this.icon = value;
      return this;
    }

    /** Banners. */
    public Builder image(List<Image> value) {
      this.image = value;
      return this;
    }

    /** The personal inbox. */
    public Builder inbox(URI value) {
      this.inbox = value;
      return this;
    }

    /** The outbox collection. */
    public Builder outbox(URI value) {
      this.outbox = value;
      return this;
    }

    /** The followers collection. */
    public Builder followers(URI value) {
      this.followers = value;
      return this;
    }

    /** The following collection. */
    public Builder following(URI value) {
      this.following = value;
      return this;
    }

    /** {@code endpoints.sharedInbox}. */
    public Builder sharedInbox(URI value) {
      this.sharedInbox = value;
      return this;
    }

    /** Adds a {@code publicKey}. */
    public Builder addPublicKey(PublicKey value) {
      this.publicKeys.add(value);
      return this;
    }

    /** Replaces the {@code publicKey}s. */
    public Builder publicKeys(List<PublicKey> value) {
      this.publicKeys.clear();
      this.publicKeys.addAll(value);
      return this;
    }

    /** Adds an {@code assertionMethod} Multikey. */
    public Builder addAssertionMethod(Multikey value) {
      this.assertionMethods.add(value);
      return this;
    }

    /** Whether follows need approval (Mastodon's lock). */
    public Builder manuallyApprovesFollowers(boolean value) {
      this.manuallyApprovesFollowers = value;
      return this;
    }

    /** Mastodon's {@code discoverable}. */
    public Builder discoverable(boolean value) {
      this.discoverable = value;
      return this;
    }

    /** Mastodon's {@code indexable}. */
    public Builder indexable(boolean value) {
      this.indexable = value;
      return this;
    }

    /** Profile fields and other attachments. */
    public Builder attachment(List<ValueObject> value) {
      this.attachment = value;
      return this;
    }

    /** Tags (custom emoji in the name or bio). */
    public Builder tag(List<ValueObject> value) {
      this.tag = value;
      return this;
    }

    /** Former or other identities. */
    public Builder alsoKnownAs(List<URI> value) {
      this.alsoKnownAs = value;
      return this;
    }

    /** The account this one moved to. */
    public Builder movedTo(URI value) {
      this.movedTo = value;
      return this;
    }

    /** The owners of a channel (PeerTube: the owning {@code Person}). */
    public Builder attributedTo(List<Ref<Actor>> value) {
      this.attributedTo = value;
      return this;
    }

    /** When the actor was created. */
    public Builder published(Instant value) {
      this.published = value;
      return this;
    }

    /** FEP-2c59 {@code webfinger} handle ({@code name@host}). */
    public Builder webfinger(String value) {
      this.webfinger = value;
      return this;
    }

    /** Extra properties passed through as they are. */
    public Builder extensions(Extensions value) {
      this.extensions = value;
      return this;
    }

    /** The actor. */
    public Actor build() {
      return new Actor(type, id, Optional.ofNullable(preferredUsername), name, summary, url, icon, image,
          Optional.ofNullable(inbox), Optional.ofNullable(outbox), Optional.ofNullable(followers),
          Optional.ofNullable(following), Optional.ofNullable(sharedInbox), publicKeys, assertionMethods,
          Optional.ofNullable(manuallyApprovesFollowers), Optional.ofNullable(discoverable),
          Optional.ofNullable(indexable), attachment, tag, alsoKnownAs, Optional.ofNullable(movedTo), attributedTo,
          Optional.ofNullable(published), Optional.ofNullable(webfinger), extensions);
    }
  }
}

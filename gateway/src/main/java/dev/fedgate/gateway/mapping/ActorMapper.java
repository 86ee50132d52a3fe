package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.keys.LocalKeys.ActorPublicKeys;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Image;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Multikey;
import dev.fedgate.vocab.PublicKey;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Local accounts, channels and the instance actor as ActivityPub actors, shaped as PeerTube emits them (reference
 * §3.1) with what Mastodon also reads: {@code publicKey} at {@code <id>#main-key} (SPKI PEM, with its owner), the
 * Ed25519 key as a FEP-521a {@code assertionMethod} Multikey, the four collections, {@code endpoints.sharedInbox},
 * and the FEP-2c59 {@code webfinger} handle.
 */
public final class ActorMapper {
  private final LocalUrls urls;

  /** Actors with ids built by {@code urls}. */
  public ActorMapper(LocalUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** An account's {@code Person}. */
  public Actor account(Stored<Account> stored, ActorPublicKeys keys) {
    Account account = stored.value();
    return common(ActorType.PERSON, urls.account(account.name()), account.name(), stored.createdAt(), keys)
        .name(account.displayName())
        .summary(account.summary())
        .url(List.of(Link.of(account.url(), "text/html")))
        .icon(images(account.avatar()))
        .image(images(account.banner()))
        .manuallyApprovesFollowers(account.manuallyApprovesFollowers())
        .build();
  }

  /**
   * A channel's {@code Group}, attributed to its account: PeerTube only accepts a Group whose {@code attributedTo}
   * is a Person on the same host.
   */
  public Actor channel(Stored<Channel> stored, ActorPublicKeys keys) {
    Channel channel = stored.value();
    return common(ActorType.GROUP, urls.channel(channel.name()), channel.name(), stored.createdAt(), keys)
        .name(channel.displayName())
        .summary(channel.summary())
        .url(List.of(Link.of(channel.url(), "text/html")))
        .icon(images(channel.avatar()))
        .image(images(channel.banner()))
        .attributedTo(List.of(Ref.of(urls.account(channel.account()))))
        .manuallyApprovesFollowers(channel.manuallyApprovesFollowers())
        .build();
  }

  /** The instance {@code Application} actor; its page is the gateway's base URL. */
  public Actor instance(LocalActor instance, ActorPublicKeys keys) {
    return common(ActorType.APPLICATION, urls.instanceActor(), instance.name(), instance.createdAt(), keys)
        .name(urls.webfingerHost())
        .url(List.of(Link.of(urls.base(), "text/html")))
        .manuallyApprovesFollowers(false)
        .build();
  }

  private Actor.Builder common(ActorType type, URI id, String name, Instant published, ActorPublicKeys keys) {
    Actor.Builder actor = Actor.builder(type, id)
        .preferredUsername(name)
        .inbox(LocalUrls.inbox(id))
        .outbox(LocalUrls.outbox(id))
        .followers(LocalUrls.followers(id))
        .following(LocalUrls.following(id))
        .sharedInbox(urls.sharedInbox())
        .addPublicKey(PublicKey.of(LocalUrls.mainKey(id), id, keys.rsa().toPem()))
        .published(published)
        .webfinger(name + "@" + urls.webfingerHost());
    keys.ed25519().ifPresent(ed -> actor.addAssertionMethod(
        new Multikey(URI.create(id + "#ed25519-key"), id, ed.toMultikey())));
    return actor;
  }

  private static List<dev.fedgate.vocab.Image> images(Optional<Image> image) {
    return image.map(i -> List.of(dev.fedgate.vocab.Image.of(i.url(), i.mediaType(), i.width(), i.height())))
        .orElse(List.of());
  }
}

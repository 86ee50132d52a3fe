package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.keys.KeyPair;
import java.net.URI;
import java.util.Objects;

/** An actor of a simulated instance: its handle name, id, ActivityStreams type and real RSA-2048 key pair. */
public record SimulatedActor(String name, URI id, String type, KeyPair keys) {
  /** Checks that nothing is missing. */
  public SimulatedActor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keys, "keys");
  }

  /** The key id peers fetch: {@code <id>#main-key}, as Mastodon and PeerTube publish it. */
  public String keyId() {
    return id + "#main-key";
  }

  /** The personal inbox. */
  public URI inbox() {
    return URI.create(id + "/inbox");
  }

  /** The outbox. */
  public URI outbox() {
    return URI.create(id + "/outbox");
  }

  /** The followers collection. */
  public URI followers() {
    return URI.create(id + "/followers");
  }

  /** The following collection. */
  public URI following() {
    return URI.create(id + "/following");
  }

  /** A signer of requests by this actor with its main key. */
  public HttpSigner signer(SignatureScheme scheme) {
    return HttpSigner.create(keys.privateKey(), keyId(), scheme);
  }
}

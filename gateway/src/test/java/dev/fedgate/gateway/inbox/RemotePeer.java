package dev.fedgate.gateway.inbox;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.SignedRequest;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.signatures.proof.DocumentProofs;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** A remote actor with a test RSA key: its actor document, and inbox requests signed by it. */
public final class RemotePeer {
  private final URI id;
  private final PrivateKeyMaterial ed25519 = PrivateKeyMaterial.generateEd25519();
  private PrivateKeyMaterial key = PrivateKeyMaterial.generateRsa(2048);
  private PrivateKeyMaterial next = PrivateKeyMaterial.generateRsa(2048);

  /** An actor {@code https://{host}/users/{name}}. */
  public RemotePeer(String host, String name) {
    this(URI.create("https://" + host + "/users/" + name));
  }

  /** An actor at {@code id}. */
  public RemotePeer(URI id) {
    this.id = id;
  }

  /** The public key as PEM. */
  public String publicKeyPem() {
    return key.publicKey().toPem();
  }

  /** The actor id. */
  public URI id() {
    return id;
  }

  /** The main key id. */
  public URI keyId() {
    return URI.create(id + "#main-key");
  }

  /** The actor's inbox. */
  public URI inbox() {
    return URI.create(id + "/inbox");
  }

  /** The shared inbox of its host. */
  public URI sharedInbox() {
    return URI.create("https://" + id.getHost() + "/inbox");
  }

  /** Replaces the key with the next one (rotation); the served actor document must then be served again. */
  public void rotateKey() {
    key = next;
    next = PrivateKeyMaterial.generateRsa(2048);
  }

  /** The actor document as Mastodon publishes a Person. */
  public String actorJson() {
    return actorJson(key);
  }

  /** The actor document as it will be after {@link #rotateKey()}. */
  public String nextActorJson() {
    return actorJson(next);
  }

  private String actorJson(PrivateKeyMaterial rsa) {
    String pem = rsa.publicKey().toPem().replace("\n", "\\n");
    return """
        {"@context":["https://www.w3.org/ns/activitystreams","https://w3id.org/security/v1"],
         "id":"%1$s","type":"Person","preferredUsername":"%2$s","inbox":"%1$s/inbox","outbox":"%1$s/outbox",
         "followers":"%1$s/followers","endpoints":{"sharedInbox":"%3$s"},
         "publicKey":{"id":"%1$s#main-key","owner":"%1$s","publicKeyPem":"%4$s"},
         "assertionMethod":[{"id":"%1$s#ed25519-key","type":"Multikey","controller":"%1$s",
           "publicKeyMultibase":"%5$s"}]}
        """.formatted(id, id.getPath().substring(id.getPath().lastIndexOf('/') + 1), sharedInbox(), pem,
            ed25519.publicKey().toMultikey());
  }

  /** A POST of {@code json} to {@code target}, signed draft-cavage at {@code now} with this actor's key. */
  public InboxRequest post(URI target, String json, Instant now, Optional<String> recipient) {
    return post(target, json.getBytes(StandardCharsets.UTF_8), now, recipient, "application/activity+json");
  }

  /** A POST with a given body and content type, signed draft-cavage at {@code now}. */
  public InboxRequest post(URI target, byte[] body, Instant now, Optional<String> recipient, String contentType) {
    SignedRequest signed = sign(target, body, now, contentType);
    return new InboxRequest(target, signed.request().headers(), body, recipient);
  }

  /** {@code json} with a FEP-8b32 proof by this actor's Ed25519 key. */
  public String withProof(String json, Instant now) {
    try {
      byte[] signed = DocumentProofs.sign(json.getBytes(StandardCharsets.UTF_8),
          data -> ed25519.sign(SignatureAlgorithm.ED25519, data), URI.create(id + "#ed25519-key"), now);
      return new String(signed, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signed request (headers include Host, Date, Digest, Signature). */
  public SignedRequest sign(URI target, byte[] body, Instant now, String contentType) {
    return sign(target, body, now, contentType, keyId().toString());
  }

  /** A POST of {@code json} to the shared {@code target}, signed with this actor's key named {@code keyId}. */
  public InboxRequest postNamingKey(URI target, String json, Instant now, String keyId) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign(target, body, now, "application/activity+json", keyId);
    return new InboxRequest(target, signed.request().headers(), body, Optional.empty());
  }

  private SignedRequest sign(URI target, byte[] body, Instant now, String contentType, String keyId) {
    HttpSigner signer = HttpSigner.create(key, keyId, SignatureScheme.CAVAGE_12);
    return signer.sign(HttpRequest.of("POST", target, HttpHeaders.of("Content-Type", contentType), body), now);
  }

  /** A GET signed as Mastodon signs fetches: {@code (request-target) host date}. */
  public SignedRequest signGet(URI target, Instant now) {
    HttpSigner signer = HttpSigner.create(key, keyId().toString(), SignatureScheme.CAVAGE_12);
    return signer.sign(HttpRequest.of("GET", target, HttpHeaders.of("Accept", "application/activity+json")), now);
  }
}

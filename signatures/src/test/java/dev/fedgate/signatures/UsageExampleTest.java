package dev.fedgate.signatures;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.keys.EncryptedPrivateKey;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.KeyPair;
import dev.fedgate.signatures.keys.KeyWrapper;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/signatures.md, compiled and run: outbound signing, inbound parse-then-verify, keys at rest. */
class UsageExampleTest {
  final Clock clock = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC);
  final KeyPair pair = KeyPair.generateRsa();
  final String actorUri = "https://video.example/video-channels/main";
  final Map<String, String> publishedKeys = Map.of(actorUri + "#main-key", pair.publicKey().toPem());

  String lookUpActorKeyPem(String keyId) {
    return publishedKeys.get(keyId);
  }

  VerificationResult inbound(String method, String hostHeader, String rawPathAndQuery, HttpHeaders headers, byte[] body)
      throws KeyFormatException {
    HttpRequest request = HttpRequest.of(method, URI.create("https://" + hostHeader + rawPathAndQuery), headers, body);
    ParseResult parsed = SignatureParser.parse(request);
    if (parsed instanceof Rejected rejected) {
      return rejected;
    }
    ParsedSignature signature = (ParsedSignature) parsed;
    PublicKeyMaterial key = PublicKeyMaterial.fromPem(lookUpActorKeyPem(signature.keyId()));
    return HttpVerifier.create(key, VerificationPolicy.MASTODON_COMPATIBLE).verify(request, signature, clock.instant());
  }

  @Test
  void outboundThenInbound_verifies() throws Exception {
    byte[] json = "{\"type\":\"Follow\"}".getBytes(UTF_8);
    URI inbox = URI.create("https://social.example/users/bob/inbox");
    HttpSigner signer = HttpSigner.create(pair.privateKey(), actorUri + "#main-key", SignatureScheme.CAVAGE_12);
    SignedRequest signed = signer.sign(HttpRequest.of("POST", inbox, HttpHeaders.of("Content-Type", "application/activity+json"), json), clock.instant());
    HttpHeaders.Builder onTheWire = HttpHeaders.builder().add("Content-Type", "application/activity+json");
    signed.addedHeaders().fields().forEach(h -> onTheWire.add(h.name(), h.value()));

    assertThat(inbound("POST", "social.example", "/users/bob/inbox", onTheWire.build(), json)).isInstanceOf(Verified.class);
  }

  @Test
  void privateKeyAtRest_roundTrips() throws Exception {
    byte[] kek = new byte[32];
    KeyWrapper wrapper = KeyWrapper.fromBase64(Base64.getEncoder().encodeToString(kek));
    byte[] stored = wrapper.wrap(pair.privateKey(), actorUri.getBytes(UTF_8)).toBytes();
    PrivateKeyMaterial key = wrapper.unwrap(EncryptedPrivateKey.fromBytes(stored), actorUri.getBytes(UTF_8));
    assertThat(key).isEqualTo(pair.privateKey());
  }
}

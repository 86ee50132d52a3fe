package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed signature headers (seeded, so failures reproduce): parsing and verifying always
 * end in a result, never an exception; and nothing random verifies.
 */
class MalformedInputFuzzTest {
  static final int CASES = 5000;
  static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
  static final PrivateKeyMaterial KEY = PrivateKeyMaterial.generateEd25519();
  static final List<String> ATOMS = List.of("keyId", "algorithm", "headers", "signature", "created", "expires", "=", "\"",
      ",", ";", "(", ")", ":", " ", "\t", "\r\n ", "sig1", "keyid", "alg", "nonce", "tag", "\"@method\"", "\"@target-uri\"",
      "\"@query-param\";name=", "\"content-digest\";sf", ";key=\"a\"", ";bs", ";req", "\"@status\"", "(request-target)",
      "(created)", "hs2019", "rsa-sha256", "ed25519", "hmac-sha256", "1703066400", "-1", "99999999999999999999", "1.5",
      ":AAAA:", "::", "AAAA==", "*", "\\", "\u00e9", "\u0000", "Signature ", "digest", "host", "date", "?1", "%zz", "");
  static final List<String> FIELDS = List.of("Signature", "Signature-Input", "Authorization", "Digest", "Content-Digest", "Date");

  @Test
  void generatedHeaders_neverThrow_andNeverVerify() {
    Random random = new Random(20261125L);
    HttpVerifier verifier = HttpVerifier.create(KEY.publicKey(), VerificationPolicy.MASTODON_COMPATIBLE.toBuilder()
        .algorithms(EnumSet.allOf(SignatureAlgorithm.class)).build());
    int parsedCount = 0;
    for (int i = 0; i < CASES; i++) {
      HttpRequest request = randomRequest(random);
      ParseResult parsed = SignatureParser.parse(request);
      if (parsed instanceof ParsedSignature p) {
        parsedCount++;
        assertThat(verifier.verify(request, p, NOW)).as(request.headers().toString()).isInstanceOf(Rejected.class);
      }
    }
    // The generator must reach the verifier, not only the parser.
    assertThat(parsedCount).isGreaterThan(CASES / 50);
  }

  @Test
  void mutatedValidHeaders_neverThrow() {
    Random random = new Random(7L);
    HttpRequest base = HttpRequest.of("POST", URI.create("https://social.example/inbox"),
        HttpHeaders.of("Content-Type", "application/activity+json"), "{}".getBytes(StandardCharsets.UTF_8));
    for (SignatureScheme scheme : SignatureScheme.values()) {
      HttpRequest signed = HttpSigner.create(KEY, "https://video.example/a#main-key", scheme).sign(base, NOW).request();
      HttpVerifier verifier = HttpVerifier.create(KEY.publicKey(), VerificationPolicy.MASTODON_COMPATIBLE);
      for (int i = 0; i < CASES / 2; i++) {
        HttpRequest mutated = mutate(signed, random);
        ParseResult parsed = SignatureParser.parse(mutated);
        if (parsed instanceof ParsedSignature p) {
          assertThat(verifier.verify(mutated, p, NOW)).isNotNull();
        }
      }
    }
  }

  static HttpRequest randomRequest(Random random) {
    HttpHeaders.Builder headers = HttpHeaders.builder().add("Host", "social.example");
    switch (random.nextInt(3)) {
      case 0:
        headers.add("Signature", "keyId=\"k\",algorithm=\"hs2019\",headers=\"" + atoms(random) + "\",signature=\"AAAA\"");
        break;
      case 1:
        headers.add("Signature-Input", "sig1=(" + atoms(random) + ");created=1764043200;keyid=\"k\"" + atoms(random));
        headers.add("Signature", "sig1=:AAAA:");
        break;
      default:
        int fields = 1 + random.nextInt(3);
        for (int f = 0; f < fields; f++) {
          headers.add(FIELDS.get(random.nextInt(FIELDS.size())), atoms(random));
        }
    }
    if (random.nextBoolean()) {
      headers.add(FIELDS.get(random.nextInt(FIELDS.size())), atoms(random));
    }
    return HttpRequest.of(random.nextBoolean() ? "GET" : "POST", URI.create("https://social.example/p?q=" + random.nextInt(9)),
        headers.build(), new byte[random.nextInt(3)]);
  }

  static String atoms(Random random) {
    StringBuilder value = new StringBuilder();
    int atoms = random.nextInt(12);
    for (int a = 0; a < atoms; a++) {
      value.append(ATOMS.get(random.nextInt(ATOMS.size())));
    }
    return value.toString();
  }

  static HttpRequest mutate(HttpRequest signed, Random random) {
    HttpHeaders.Builder out = HttpHeaders.builder();
    for (HttpHeaders.Field f : signed.headers().fields()) {
      StringBuilder v = new StringBuilder(f.value());
      if (random.nextInt(3) == 0 && v.length() > 0) {
        int at = random.nextInt(v.length());
        switch (random.nextInt(3)) {
          case 0:
            v.deleteCharAt(at);
            break;
          case 1:
            v.insert(at, ATOMS.get(random.nextInt(ATOMS.size())));
            break;
          default:
            v.setCharAt(at, (char) (32 + random.nextInt(95)));
        }
      }
      out.add(f.name(), v.toString());
    }
    return signed.withHeaders(out.build());
  }
}

package dev.fedgate.signatures.bench;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.internal.CavageSigningString;
import dev.fedgate.signatures.keys.KeyExport;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing and verifying a typical Mastodon inbox POST (Mastodon's headers, 1 KB JSON body), against raw JCE RSA on
 * the same signing string. Run (not part of {@code mvn verify}):
 *
 * <pre>mvn -q -pl signatures -Pbenchmarks test-compile exec:exec</pre>
 *
 * <p>Options: {@code -Djmh.args="-f 1 -wi 2 -i 3 -w 2s -r 3s"} (the default). Figures go to docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignaturesBenchmark {
  static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
  static final String KEY_ID = "https://video.example/video-channels/main#main-key";

  HttpRequest cavageSigned;
  HttpRequest rfc9421Signed;
  HttpRequest ed25519Signed;
  HttpRequest unsigned;
  HttpSigner cavageSigner;
  HttpSigner rfc9421Signer;
  HttpSigner ed25519Signer;
  HttpVerifier rsaVerifier;
  HttpVerifier ed25519Verifier;
  byte[] signingString;
  byte[] jceSignature;
  PrivateKey jcePrivate;
  PublicKey jcePublic;

  /** Keys, a signed request per scheme, and the JCE baseline's key objects. */
  @Setup
  public void setUp() throws Exception {
    PrivateKeyMaterial rsa = PrivateKeyMaterial.generateRsa(2048);
    PrivateKeyMaterial ed = PrivateKeyMaterial.generateEd25519();
    byte[] body = new byte[1024];
    Arrays.fill(body, (byte) 'a');
    byte[] json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"content\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(json, 0, body, 0, json.length);
    body[body.length - 2] = '"';
    body[body.length - 1] = '}';
    unsigned = HttpRequest.of("POST", URI.create("https://social.example/users/bob/inbox"),
        HttpHeaders.of("User-Agent", "Fedgate/0.1", "Content-Type", "application/activity+json", "Accept-Encoding", "gzip"), body);
    cavageSigner = HttpSigner.create(rsa, KEY_ID, SignatureScheme.CAVAGE_12);
    rfc9421Signer = HttpSigner.create(rsa, KEY_ID, SignatureScheme.RFC_9421);
    ed25519Signer = HttpSigner.create(ed, KEY_ID, SignatureScheme.RFC_9421);
    cavageSigned = cavageSigner.sign(unsigned, NOW).request();
    rfc9421Signed = rfc9421Signer.sign(unsigned, NOW).request();
    ed25519Signed = ed25519Signer.sign(unsigned, NOW).request();
    rsaVerifier = HttpVerifier.create(rsa.publicKey(), VerificationPolicy.MASTODON_COMPATIBLE);
    ed25519Verifier = HttpVerifier.create(ed.publicKey(), VerificationPolicy.MASTODON_COMPATIBLE);

    signingString = CavageSigningString.build(cavageSigned, List.of("(request-target)", "host", "date", "digest", "content-type"),
        Optional.empty(), Optional.empty(), true).getBytes(StandardCharsets.UTF_8);
    KeyFactory kf = KeyFactory.getInstance("RSA");
    jcePrivate = kf.generatePrivate(new PKCS8EncodedKeySpec(rsa.toPkcs8(KeyExport.UNSAFE)));
    jcePublic = kf.generatePublic(new X509EncodedKeySpec(rsa.publicKey().toSpki()));
    jceSignature = jceSign();
    for (HttpRequest r : List.of(cavageSigned, rfc9421Signed)) {
      if (!verify(rsaVerifier, r).isVerified()) {
        throw new IllegalStateException("benchmark request does not verify");
      }
    }
  }

  static VerificationResult verify(HttpVerifier verifier, HttpRequest request) {
    return verifier.verify(request, (ParsedSignature) SignatureParser.parse(request), NOW);
  }

  /** Parse and verify a draft-cavage rsa-sha256 inbox POST, digest included. */
  @Benchmark
  public VerificationResult cavageRsaVerify() {
    return verify(rsaVerifier, cavageSigned);
  }

  /** Parse and verify an RFC 9421 rsa-v1_5-sha256 inbox POST, content-digest included. */
  @Benchmark
  public VerificationResult rfc9421RsaVerify() {
    return verify(rsaVerifier, rfc9421Signed);
  }

  /** Sign a draft-cavage inbox POST (Host, Date, Digest, Signature). */
  @Benchmark
  public Object cavageRsaSign() {
    return cavageSigner.sign(unsigned, NOW);
  }

  /** Sign an RFC 9421 inbox POST (Host, Content-Digest, Signature-Input, Signature). */
  @Benchmark
  public Object rfc9421RsaSign() {
    return rfc9421Signer.sign(unsigned, NOW);
  }

  /** Sign an RFC 9421 inbox POST with Ed25519. */
  @Benchmark
  public Object ed25519Sign() {
    return ed25519Signer.sign(unsigned, NOW);
  }

  /** Parse and verify an RFC 9421 Ed25519 inbox POST. */
  @Benchmark
  public VerificationResult ed25519Verify() {
    return verify(ed25519Verifier, ed25519Signed);
  }

  /** Baseline: JCE SHA256withRSA verify of the cavage signing string. */
  @Benchmark
  public boolean jceRsaVerify() throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initVerify(jcePublic);
    s.update(signingString);
    return s.verify(jceSignature);
  }

  /** Baseline: JCE SHA256withRSA sign of the cavage signing string. */
  @Benchmark
  public byte[] jceRsaSign() throws Exception {
    return jceSign();
  }

  private byte[] jceSign() throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(jcePrivate);
    s.update(signingString);
    return s.sign();
  }
}

package dev.fedgate.it.hostile;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.peers.SimulatedActor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the raw requests of the hostile tables: signed as a peer would, then broken on purpose. */
final class Forge {
  static final String ACTIVITY_JSON = "application/activity+json";
  private static final Pattern HEADERS_PARAM = Pattern.compile("headers=\"([^\"]*)\"");

  private Forge() {}

  /** {@code activity} posted to {@code target} with a draft-cavage signature by {@code signer}, dated now. */
  static RawRequest signed(SimulatedActor signer, URI target, JsonObject activity) {
    return signed(signer.signer(SignatureScheme.CAVAGE_12), target, bytes(activity), Duration.ZERO);
  }

  /** {@code body} posted to {@code target}, signed by {@code signer} dated {@code skew} from now. */
  static RawRequest signed(HttpSigner signer, URI target, byte[] body, Duration skew) {
    HttpRequest request = HttpRequest.of("POST", target, baseHeaders(ACTIVITY_JSON), body);
    HttpHeaders headers = signer.sign(request, Instant.now().plus(skew)).request().headers();
    return new RawRequest(target, headers, body, false);
  }

  /** {@code body} posted to {@code target} with {@code contentType} and no signature. */
  static RawRequest unsigned(URI target, String contentType, byte[] body) {
    return new RawRequest(target, baseHeaders(contentType), body, false);
  }

  /**
   * {@code request} (signed by anyone with draft-cavage) signed again over the same headers with the JCA key
   * {@code weak}, named {@code keyId}: Tink cannot sign with RSA-1024, a legacy peer can.
   */
  static RawRequest resignedWith(RawRequest request, KeyPair weak, String keyId) {
    String header = request.headers().first("Signature").orElseThrow();
    Matcher names = HEADERS_PARAM.matcher(header);
    if (!names.find()) {
      throw new IllegalArgumentException("no headers parameter in " + header);
    }
    StringBuilder text = new StringBuilder();
    for (String name : names.group(1).split(" ")) {
      if (text.length() > 0) {
        text.append('\n');
      }
      String value = name.equals("(request-target)")
          ? "post " + request.target().getRawPath() : request.headers().first(name).orElseThrow();
      text.append(name.toLowerCase(Locale.ROOT)).append(": ").append(value);
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(weak.getPrivate());
      rsa.update(text.toString().getBytes(StandardCharsets.UTF_8));
      String value = Base64.getEncoder().encodeToString(rsa.sign());
      return request.headers(h -> h.replacing("Signature", "keyId=\"" + keyId
          + "\",algorithm=\"rsa-sha256\",headers=\"" + names.group(1) + "\",signature=\"" + value + "\""));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SPKI PEM of a JCA public key, as actor documents publish it. */
  static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
            keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static byte[] bytes(JsonObject json) {
    return json.encode().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpHeaders baseHeaders(String contentType) {
    return contentType.isEmpty() ? HttpHeaders.of("Accept", ACTIVITY_JSON)
        : HttpHeaders.of("Content-Type", contentType, "Accept", ACTIVITY_JSON);
  }
}

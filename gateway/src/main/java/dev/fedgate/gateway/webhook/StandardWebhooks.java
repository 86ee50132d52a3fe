package dev.fedgate.gateway.webhook;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.signatures.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks the Standard Webhooks way (standardwebhooks.com): {@code webhook-id}, {@code webhook-timestamp}
 * (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed by the bytes
 * of a {@code whsec_<base64>} secret.
 */
public final class StandardWebhooks {
  private static final String PREFIX = "whsec_";
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;

  private StandardWebhooks(byte[] key) {
    this.key = new SecretKeySpec(key, HMAC);
  }

  /**
   * The {@code webhook-id} of the event carried by job {@code id}: stable across retries, and the same id the polling
   * API shows, so a site can de-duplicate events however they reach it.
   */
  public static String eventId(JobId id) {
    return "evt_" + id.value();
  }

  /**
   * A signer for {@code secret}.
   *
   * @throws IllegalArgumentException if it is not {@code whsec_} followed by base64
   */
  public static StandardWebhooks fromSecret(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (!secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    return new StandardWebhooks(Base64.getDecoder().decode(secret.substring(PREFIX.length())));
  }

  /** The {@code webhook-signature} value for a message. */
  public String signature(String id, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  /** The three headers for a message sent at {@code now}. */
  public HttpHeaders headers(String id, Instant now, byte[] body) {
    long timestamp = now.getEpochSecond();
    return HttpHeaders.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
        "webhook-signature", signature(id, timestamp, body));
  }
}

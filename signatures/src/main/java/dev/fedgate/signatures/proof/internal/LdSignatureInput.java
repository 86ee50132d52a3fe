package dev.fedgate.signatures.proof.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** What an {@code RsaSignature2017} signature is computed over (Mastodon's {@code LinkedDataSignature}). */
public final class LdSignatureInput {
  private LdSignatureInput() {}

  /**
   * The signed bytes: the lowercase hex SHA-256 of the canonical options N-Quads followed by that of the canonical
   * document N-Quads, as ASCII (128 bytes).
   */
  public static byte[] toBeSigned(String optionsNQuads, String documentNQuads) {
    HexFormat hex = HexFormat.of();
    String text = hex.formatHex(Sha256.digest(optionsNQuads.getBytes(StandardCharsets.UTF_8)))
        + hex.formatHex(Sha256.digest(documentNQuads.getBytes(StandardCharsets.UTF_8)));
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

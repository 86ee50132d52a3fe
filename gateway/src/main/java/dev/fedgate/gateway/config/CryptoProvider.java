package dev.fedgate.gateway.config;

import java.util.Locale;

/** Which cryptography provider computes the gateway's RSA signatures and verifications. */
public enum CryptoProvider {
  /** Conscrypt (BoringSSL) when its native library loads on this platform, else the JDK: the default. */
  AUTO,
  /** Conscrypt, required: the gateway does not start without it. */
  CONSCRYPT,
  /** The JDK's own providers only (pure Java, no native code). */
  JDK;

  /** The name used in configuration ({@code auto}, {@code conscrypt}, {@code jdk}). */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.fedgate.gateway.keys;

import dev.fedgate.gateway.config.CryptoProvider;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import java.util.function.Supplier;
import org.conscrypt.Conscrypt;

/**
 * Installs Conscrypt for the gateway process when the configuration asks for it and its native library loads here.
 *
 * <p>Tink signs and verifies RSA with the provider registered as {@value #CONSCRYPT} whenever there is one, whatever
 * its place in the list, so Conscrypt is added last: TLS, key stores and everything else keep the JDK's providers.
 * PKCS#1 v1.5 signatures are deterministic, so both providers produce the same bytes; Conscrypt takes about 0.6 ms of
 * CPU per RSA-2048 signature where the JDK takes 1.1 ms (docs/benchmarks.md), which is what bounds a large fan-out.
 */
public final class CryptoProviders {
  /** The provider name Tink looks up. */
  static final String CONSCRYPT = "Conscrypt";

  private CryptoProviders() {}

  /**
   * Applies {@code choice} to this JVM and says who signs now, for the start-up log line.
   *
   * @throws IllegalStateException if {@code choice} is {@link CryptoProvider#CONSCRYPT} and it cannot load here
   */
  public static String install(CryptoProvider choice) {
    return install(choice, CryptoProviders::whyConscryptIsUnavailable);
  }

  static String install(CryptoProvider choice, Supplier<Optional<String>> whyUnavailable) {
    if (choice == CryptoProvider.JDK) {
      return "the JDK";
    }
    Optional<String> why = whyUnavailable.get();
    if (why.isPresent()) {
      if (choice == CryptoProvider.CONSCRYPT) {
        throw new IllegalStateException("--crypto-provider conscrypt: Conscrypt cannot load here (" + why.get() + ")");
      }
      return "the JDK (Conscrypt cannot load here: " + why.get() + ")";
    }
    if (Security.getProvider(CONSCRYPT) == null) {
      Provider conscrypt = Conscrypt.newProvider();
      Security.addProvider(conscrypt);
    }
    Conscrypt.Version version = Conscrypt.version();
    return "Conscrypt " + version.major() + "." + version.minor() + "." + version.patch();
  }

  private static Optional<String> whyConscryptIsUnavailable() {
    try {
      Conscrypt.checkAvailability();
      return Optional.empty();
    } catch (LinkageError | RuntimeException e) {
      // Its native library exists for Linux, macOS (x86-64, arm64) and Windows (x86-64) only, and needs an
      // executable temporary directory to unpack into.
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}

package dev.fedgate.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.internal.ConscryptUtil;
import dev.fedgate.gateway.config.CryptoProvider;
import dev.fedgate.signatures.keys.KeyExport;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {
  private static final byte[] SIGNING_STRING =
      "(request-target): post /inbox\nhost: peer.example\ndate: Mon, 07 Dec 2026 17:00:00 GMT"
          .getBytes(StandardCharsets.UTF_8);

  private boolean installedBefore;

  @BeforeEach
  void rememberProviders() {
    installedBefore = Security.getProvider(CryptoProviders.CONSCRYPT) != null;
  }

  @AfterEach
  void restoreProviders() {
    // A JCA provider is JVM-wide: leave the other tests the providers they had.
    if (!installedBefore) {
      Security.removeProvider(CryptoProviders.CONSCRYPT);
    }
  }

  @Test
  void jdk_installsNothing() {
    assumeTrue(!installedBefore, "Conscrypt was installed before this test");

    assertThat(CryptoProviders.install(CryptoProvider.JDK, () -> Optional.empty())).isEqualTo("the JDK");

    assertThat(Security.getProvider(CryptoProviders.CONSCRYPT)).isNull();
  }

  @Test
  void auto_fallsBackToTheJdk_whenConscryptCannotLoad() {
    assumeTrue(!installedBefore, "Conscrypt was installed before this test");

    String signer = CryptoProviders.install(CryptoProvider.AUTO,
        () -> Optional.of("UnsatisfiedLinkError: no conscrypt_openjdk_jni-linux-riscv64"));

    assertThat(signer).isEqualTo("the JDK (Conscrypt cannot load here: UnsatisfiedLinkError: "
        + "no conscrypt_openjdk_jni-linux-riscv64)");
    assertThat(Security.getProvider(CryptoProviders.CONSCRYPT)).isNull();
  }

  @Test
  void conscrypt_refusesToStart_whenItCannotLoad() {
    assertThatThrownBy(() -> CryptoProviders.install(CryptoProvider.CONSCRYPT,
            () -> Optional.of("UnsatisfiedLinkError: noexec /tmp")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("--crypto-provider conscrypt: Conscrypt cannot load here (UnsatisfiedLinkError: noexec /tmp)");
  }

  @Test
  void auto_addsConscryptLast_onceAndForTinkOnly() throws Exception {
    assumeTrue(Conscrypt.isAvailable(), "Conscrypt's native library does not load on this platform");
    String tlsBefore = SSLContext.getDefault().getProvider().getName();

    String first = CryptoProviders.install(CryptoProvider.AUTO);
    String second = CryptoProviders.install(CryptoProvider.CONSCRYPT);

    assertThat(first).isEqualTo(second).startsWith("Conscrypt 2.");
    List<String> names = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
    assertThat(names).filteredOn(CryptoProviders.CONSCRYPT::equals).hasSize(1);
    assertThat(names.get(names.size() - 1)).isEqualTo(CryptoProviders.CONSCRYPT);
    assertThat(SSLContext.getDefault().getProvider().getName()).isEqualTo(tlsBefore);
    // What the installation is for: Tink finds it by this name and signs and verifies RSA with it.
    Provider tinks = ConscryptUtil.providerOrNull();
    assertThat(tinks == null ? null : tinks.getName()).isEqualTo(CryptoProviders.CONSCRYPT);
  }

  @Test
  void rsaSignatures_areTheSameBytes_withConscryptAsWithTheJdk() throws Exception {
    assumeTrue(Conscrypt.isAvailable(), "Conscrypt's native library does not load on this platform");
    assumeTrue(!installedBefore, "Conscrypt was installed before this test");
    PrivateKeyMaterial byJdk = PrivateKeyMaterial.generateRsa(2048);
    byte[] jdkSignature = byJdk.sign(SignatureAlgorithm.RSA_V1_5_SHA256, SIGNING_STRING);

    CryptoProviders.install(CryptoProvider.AUTO);
    PrivateKeyMaterial byConscrypt = PrivateKeyMaterial.fromPkcs8(byJdk.toPkcs8(KeyExport.UNSAFE));
    byte[] conscryptSignature = byConscrypt.sign(SignatureAlgorithm.RSA_V1_5_SHA256, SIGNING_STRING);

    assertThat(conscryptSignature).isEqualTo(jdkSignature);
    assertThat(byConscrypt.publicKey().verify(SignatureAlgorithm.RSA_V1_5_SHA256, SIGNING_STRING, jdkSignature))
        .isTrue();
    byte[] tampered = jdkSignature.clone();
    tampered[10] ^= 1;
    assertThat(byConscrypt.publicKey().verify(SignatureAlgorithm.RSA_V1_5_SHA256, SIGNING_STRING, tampered))
        .isFalse();
  }
}

package dev.fedgate.signatures.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Private keys at rest under a key-encryption key. */
class KeyWrapperTest {
  static final byte[] KEK = new byte[32];
  static final byte[] ACTOR = "https://video.example/accounts/alice".getBytes(StandardCharsets.UTF_8);

  static {
    for (int i = 0; i < KEK.length; i++) {
      KEK[i] = (byte) i;
    }
  }

  @Test
  void wrapThenUnwrap_givesTheSameKey_throughStoredBytes() throws Exception {
    KeyWrapper wrapper = KeyWrapper.create(KEK);
    PrivateKeyMaterial key = PrivateKeyMaterial.generateEd25519();
    EncryptedPrivateKey sealed = wrapper.wrap(key, ACTOR);

    assertThat(wrapper.unwrap(EncryptedPrivateKey.fromBytes(sealed.toBytes()), ACTOR)).isEqualTo(key);
    assertThat(KeyWrapper.fromBase64(Base64.getEncoder().encodeToString(KEK)).unwrap(sealed, ACTOR)).isEqualTo(key);
  }

  @Test
  void wrongKek_wrongOwner_orTamperedBytes_doNotOpen() throws Exception {
    KeyWrapper wrapper = KeyWrapper.create(KEK);
    EncryptedPrivateKey sealed = wrapper.wrap(PrivateKeyMaterial.generateRsa(2048), ACTOR);
    byte[] tampered = sealed.toBytes();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> KeyWrapper.create(new byte[32]).unwrap(sealed, ACTOR)).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> wrapper.unwrap(sealed, "other".getBytes(StandardCharsets.UTF_8))).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> wrapper.unwrap(EncryptedPrivateKey.fromBytes(tampered), ACTOR)).isInstanceOf(KeyFormatException.class);
  }

  @Test
  void badKekAndUnknownFormat_areRefused() {
    assertThatThrownBy(() -> KeyWrapper.create(new byte[16])).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> KeyWrapper.fromBase64("%%%")).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> EncryptedPrivateKey.fromBytes(new byte[] {9, 9, 9})).isInstanceOf(KeyFormatException.class);
  }

  @Test
  void sealedBytes_doNotContainThePlainKey() throws Exception {
    PrivateKeyMaterial key = PrivateKeyMaterial.generateEd25519();
    String sealed = KeyWrapper.create(KEK).wrap(key, ACTOR).toBase64();
    String plain = Base64.getEncoder().encodeToString(key.toPkcs8(KeyExport.UNSAFE));
    assertThat(sealed).doesNotContain(plain.substring(20, 40));
  }
}

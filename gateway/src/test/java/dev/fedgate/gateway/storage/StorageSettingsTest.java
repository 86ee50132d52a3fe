package dev.fedgate.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

  @Test
  void build_nothingSet_usesTheDefaults() {
    StorageSettings settings = StorageSettings.builder().build();

    assertThat(settings.dataDirectory()).isEmpty();
    assertThat(settings.url()).isEmpty();
    assertThat(settings.poolSize()).isEqualTo(StorageSettings.DEFAULT_POOL_SIZE);
    assertThat(settings.clock()).isNotNull();
  }

  @Test
  void build_everythingSet_keepsIt() {
    InstantSource clock = InstantSource.fixed(Instant.EPOCH);
    StorageSettings settings = StorageSettings.builder().dataDirectory(Path.of("data")).url("mem:x").poolSize(2)
        .clock(clock).build();

    assertThat(settings.dataDirectory()).contains(Path.of("data"));
    assertThat(settings.url()).contains("mem:x");
    assertThat(settings.poolSize()).isEqualTo(2);
    assertThat(settings.clock()).isSameAs(clock);
  }

  @Test
  void option_setTwice_isRefused() {
    assertThatThrownBy(() -> StorageSettings.builder().url("mem:a").url("mem:b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("url");
  }

  @Test
  void poolSize_outOfRange_isRefused() {
    assertThatThrownBy(() -> StorageSettings.builder().poolSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StorageSettings.builder().poolSize(StorageSettings.MAX_POOL_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_hidesTheUrl() {
    assertThat(StorageSettings.builder().url("postgresql://user:secret@db/fedgate").build().toString())
        .doesNotContain("secret");
  }
}

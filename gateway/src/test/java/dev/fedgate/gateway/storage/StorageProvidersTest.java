package dev.fedgate.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.h2.H2StorageProvider;
import org.junit.jupiter.api.Test;

class StorageProvidersTest {

  @Test
  void find_embedded_returnsTheH2Provider() {
    assertThat(StorageProviders.find("embedded")).isInstanceOf(H2StorageProvider.class);
  }

  @Test
  void find_unknownKind_listsTheKnownKinds() {
    assertThatThrownBy(() -> StorageProviders.find("mongodb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mongodb")
        .hasMessageContaining("known kinds: embedded");
  }
}

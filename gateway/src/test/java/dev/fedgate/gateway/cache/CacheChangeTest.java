package dev.fedgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheChangeTest {
  @Test
  void key_readsBackAsTheSameChange() {
    for (CacheChange change : new CacheChange[] {new CacheChange.LocalActor("cooking"),
        new CacheChange.Video(UUID.randomUUID()), new CacheChange.RemoteActor(URI.create("https://m.example/u/b:c"))}) {
      assertThat(CacheChange.parse(change.key())).contains(change);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "all", "video:not-a-uuid", "remote-actor:relative/path", "remote-actor:a b",
      "local-actor:", "unknown:x"})
  void parse_ignoresWhatItCannotRead(String key) {
    assertThat(CacheChange.parse(key)).isEmpty();
  }
}

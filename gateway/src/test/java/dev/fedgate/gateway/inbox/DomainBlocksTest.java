package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainBlocksTest {
  private final DomainBlocks blocks = DomainBlocks.of(Set.of("Bad.Example."));

  @Test
  void blockedDomainAndItsSubdomains_areBlocked() {
    assertThat(blocks.blocks(URI.create("https://bad.example/users/x"))).isTrue();
    assertThat(blocks.blocks(URI.create("https://a.b.BAD.example/users/x"))).isTrue();
  }

  @Test
  void otherDomainsEndingAlike_areNotBlocked() {
    assertThat(blocks.blocks(URI.create("https://notbad.example/users/x"))).isFalse();
    assertThat(blocks.blocks(URI.create("https://example/users/x"))).isFalse();
    assertThat(DomainBlocks.NONE.blocks(URI.create("https://bad.example/"))).isFalse();
  }
}

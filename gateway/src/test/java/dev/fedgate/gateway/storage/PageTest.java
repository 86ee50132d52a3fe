package dev.fedgate.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void pageBefore_needsACursor() {
    assertThatThrownBy(() -> new PageRequest(Optional.empty(), PageRequest.Direction.BEFORE, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PageRequest.before("MTA", 10).backward()).isTrue();
    assertThat(PageRequest.after("MTA", 10).backward()).isFalse();
  }

  @Test
  void limit_isBounded() {
    assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRequest.before("MTA", PageRequest.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void map_convertsItems_andKeepsBothCursors() {
    Page<Integer> page = new Page<>(List.of(1, 2), Optional.of("n"), Optional.of("p"));

    assertThat(page.map(String::valueOf)).isEqualTo(new Page<>(List.of("1", "2"), Optional.of("n"), Optional.of("p")));
    assertThat(Page.empty()).isEqualTo(new Page<>(List.of(), Optional.empty(), Optional.empty()));
  }
}

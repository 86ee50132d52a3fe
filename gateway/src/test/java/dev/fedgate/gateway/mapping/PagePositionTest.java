package dev.fedgate.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagePositionTest {
  private static final URI COLLECTION = URI.create("https://video.example/video-channels/c/followers");

  @Test
  void positions_askTheStoreForThatSideOfTheCursor() {
    assertThat(PagePosition.FIRST.isFirst()).isTrue();
    assertThat(PagePosition.FIRST.request(10)).isEqualTo(PageRequest.first(10));
    assertThat(PagePosition.after("MTA").request(10)).isEqualTo(PageRequest.after("MTA", 10));
    assertThat(PagePosition.before("MTA").request(10)).isEqualTo(PageRequest.before("MTA", 10));
    assertThat(PagePosition.before("MTA").isFirst()).isFalse();
  }

  @Test
  void position_isNeverAfterAndBeforeAtOnce() {
    assertThatThrownBy(() -> new PagePosition(Optional.of("a"), Optional.of("b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void page_linksNextAfterAndPrevBeforeTheStoreCursors() {
    Collection page = CollectionMapper.page(COLLECTION, PagePosition.before("MzA"), 70,
        new Page<Ref<ApObject>>(List.of(), Optional.of("MjA"), Optional.of("MTA")));
    assertThat(page.id()).hasToString(COLLECTION + "?page=true&before=MzA");
    assertThat(page.next()).hasValueSatisfying(next -> assertThat(next).hasToString(COLLECTION + "?page=true&after=MjA"));
    assertThat(page.prev()).hasValueSatisfying(prev -> assertThat(prev).hasToString(COLLECTION + "?page=true&before=MTA"));
  }

  @Test
  void firstPage_hasNoPrevWhenTheStoreGivesNone() {
    Collection page = CollectionMapper.page(COLLECTION, PagePosition.FIRST, 70,
        new Page<Ref<ApObject>>(List.of(), Optional.of("MjA"), Optional.empty()));
    assertThat(page.id()).hasToString(COLLECTION + "?page=true");
    assertThat(page.prev()).isEmpty();
  }

  @Test
  void cursor_isUrlEncodedInThePageId() {
    assertThat(CollectionMapper.pageId(COLLECTION, PagePosition.after("a+b/c=")))
        .hasToString(COLLECTION + "?page=true&after=a%2Bb%2Fc%3D");
    assertThat(CollectionMapper.pageId(COLLECTION, PagePosition.before("a+b/c=")))
        .hasToString(COLLECTION + "?page=true&before=a%2Bb%2Fc%3D");
  }
}

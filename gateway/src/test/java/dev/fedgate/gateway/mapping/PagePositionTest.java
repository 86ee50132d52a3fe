package dev.fedgate.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagePositionTest {
  private static final URI COLLECTION = URI.create("https://video.example/video-channels/c/followers");

  @Test
  void firstPage_hasNoPrev_andItsNextPointsBackToIt() {
    assertThat(PagePosition.FIRST.prev()).isEmpty();
    PagePosition second = PagePosition.FIRST.next("MTA");
    assertThat(second.prev()).contains(PagePosition.FIRST);
    assertThat(CollectionMapper.pageId(COLLECTION, second)).hasToString(COLLECTION + "?page=true&after=MTA&from=");
  }

  @Test
  void laterPage_prevIsThePageThatLinkedHere() {
    PagePosition third = PagePosition.FIRST.next("MTA").next("MjA");
    assertThat(third.prev()).contains(new PagePosition(Optional.of("MTA"), Optional.empty()));
    assertThat(CollectionMapper.pageId(COLLECTION, third.prev().get()))
        .hasToString(COLLECTION + "?page=true&after=MTA");
  }

  @Test
  void pageReachedByPrev_knowsNoFurtherPrev() {
    assertThat(new PagePosition(Optional.of("MTA"), Optional.empty()).prev()).isEmpty();
  }

  @Test
  void cursor_isUrlEncodedInThePageId() {
    PagePosition position = new PagePosition(Optional.of("a+b/c="), Optional.empty());
    assertThat(CollectionMapper.pageId(COLLECTION, position)).hasToString(COLLECTION + "?page=true&after=a%2Bb%2Fc%3D");
  }
}

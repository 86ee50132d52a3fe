package dev.fedgate.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.peertube.VideoCollections;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values holding {@link LazyUri}s read and compare as they did when they held built URIs. */
class LazyUriValuesTest {
  private static final URI FOLLOWERS = URI.create("https://a.example/u/followers");

  @ParameterizedTest
  @ValueSource(strings = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public",
      "HTTPS://WWW.W3.ORG/ns/activitystreams#Public"})
  void publicInTo_asWithBuiltUris(String spelling) throws URISyntaxException {
    Audience read = Audience.read(List.of(LazyUri.parse(spelling)), List.of(LazyUri.parse(FOLLOWERS.toString())));
    Audience built = new Audience(List.of(new URI(spelling)), List.of(FOLLOWERS));

    assertThat(read.publicInTo()).isEqualTo(built.publicInTo()).isTrue();
    assertThat(read.publicAnywhere()).isTrue();
    assertThat(read).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(read.to()).isEqualTo(built.to());
    assertThat(read.cc()).containsExactly(FOLLOWERS);
  }

  @Test
  void publicAnywhere_findsPublicInCc_andNotElsewhere() throws URISyntaxException {
    Audience inCc = Audience.read(List.of(LazyUri.of(FOLLOWERS)), List.of(LazyUri.parse("as:Public")));
    Audience nowhere = Audience.read(List.of(LazyUri.of(FOLLOWERS)), List.of());

    assertThat(inCc.publicInTo()).isFalse();
    assertThat(inCc.publicAnywhere()).isTrue();
    assertThat(inCc.cc()).containsExactly(Audience.PUBLIC);
    assertThat(nowhere.publicAnywhere()).isFalse();
  }

  @Test
  void videoCollections_readEqualsBuilt_andSetsOneId() throws URISyntaxException {
    URI likes = URI.create("https://a.example/v/1/likes");
    VideoCollections read = VideoCollections.read(Optional.of(LazyUri.parse(likes.toString())), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    VideoCollections built = new VideoCollections(Optional.of(likes), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());

    assertThat(read).isEqualTo(built).hasSameHashCodeAs(built).isNotEqualTo(VideoCollections.NONE);
    assertThat(read.likes()).contains(likes);
    assertThat(read.comments()).isEmpty();
    assertThat(read).hasToString("VideoCollections[likes=Optional[" + likes
        + "], dislikes=Optional.empty, shares=Optional.empty, comments=Optional.empty, hasParts=Optional.empty]");
  }
}

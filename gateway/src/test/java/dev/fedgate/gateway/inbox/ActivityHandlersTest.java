package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.Unrecognized;
import dev.fedgate.vocab.activity.Envelope;
import dev.fedgate.vocab.activity.Follow;
import io.vertx.core.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityHandlersTest {
  private static final InboxDelivery DELIVERY =
      new InboxDelivery(Optional.empty(), URI.create("https://remote.example/users/bob"), FetchBudget.of(1), "{}");
  private static final Follow FOLLOW = new Follow(Envelope.of(URI.create("https://remote.example/f/1"),
      URI.create("https://remote.example/users/bob"), Audience.NONE), Ref.of("https://video.example/accounts/a"));

  @Test
  void registeringATypeTwice_isRefused() {
    ActivityHandlers.Builder builder = ActivityHandlers.builder().on(Follow.class, (d, a) -> Future.succeededFuture());

    assertThatThrownBy(() -> builder.on(Follow.class, (d, a) -> Future.succeededFuture()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Follow");
  }

  @Test
  void dispatch_runsTheHandlerOfTheActivitysClass() {
    List<Follow> handled = new ArrayList<>();
    ActivityHandlers handlers = ActivityHandlers.builder()
        .on(Follow.class, (d, follow) -> {
          handled.add(follow);
          return Future.succeededFuture();
        })
        .build();

    assertThat(handlers.dispatch(DELIVERY, FOLLOW).succeeded()).isTrue();
    assertThat(handled).containsExactly(FOLLOW);
  }

  @Test
  void unknownType_isReportedAndSucceeds() {
    List<ApObject> unhandled = new ArrayList<>();
    ActivityHandlers handlers = ActivityHandlers.builder().onUnhandled(unhandled::add).build();
    Unrecognized react = new Unrecognized(URI.create("https://remote.example/r/1"), List.of("EmojiReact"),
        Extensions.NONE);

    assertThat(handlers.dispatch(DELIVERY, react).succeeded()).isTrue();
    assertThat(unhandled).containsExactly(react);
    assertThat(handlers.handles(Unrecognized.class)).isFalse();
  }
}

package dev.fedgate.gateway.inbox;

import dev.fedgate.vocab.ApObject;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The handler registry: one handler per activity class, looked up by the activity's exact class (vocab types are
 * records, so final). An activity nobody handles (an unknown type, or one we do not act on) completes at once and is
 * reported to the unhandled listener.
 */
public final class ActivityHandlers {
  private final Map<Class<?>, ActivityHandler<?>> handlers;
  private final Consumer<ApObject> unhandled;

  private ActivityHandlers(Map<Class<?>, ActivityHandler<?>> handlers, Consumer<ApObject> unhandled) {
    this.handlers = Map.copyOf(handlers);
    this.unhandled = unhandled;
  }

  /** A builder with no handlers. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether a handler is registered for {@code type}. */
  public boolean handles(Class<?> type) {
    return handlers.containsKey(type);
  }

  /** Runs the handler of {@code activity}'s class, or reports it unhandled and succeeds. */
  @SuppressWarnings("unchecked")
  public Future<Void> dispatch(InboxDelivery delivery, ApObject activity) {
    ActivityHandler<ApObject> handler = (ActivityHandler<ApObject>) handlers.get(activity.getClass());
    if (handler == null) {
      unhandled.accept(activity);
      return Future.succeededFuture();
    }
    return handler.handle(delivery, activity);
  }

  /** Registers handlers; a type registered twice is an {@link IllegalStateException}. */
  public static final class Builder {
    private final Map<Class<?>, ActivityHandler<?>> handlers = new HashMap<>();
    private Consumer<ApObject> unhandled = activity -> { };

    private Builder() {}

    /** Handles activities of exactly {@code type} with {@code handler}. */
    public <A extends ApObject> Builder on(Class<A> type, ActivityHandler<? super A> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handler, "handler");
      if (handlers.containsKey(type)) {
        throw new IllegalStateException("a handler for " + type.getSimpleName() + " is already registered");
      }
      handlers.put(type, handler);
      return this;
    }

    /** Told of every activity no handler takes. */
    public Builder onUnhandled(Consumer<ApObject> listener) {
      unhandled = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The registry. */
    public ActivityHandlers build() {
      return new ActivityHandlers(handlers, unhandled);
    }
  }
}

package dev.fedgate.it.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The gateway an inbox load runs against, with account {@code chef} and channel {@code kitchen}, and how a round's
 * CPU is measured on it: in the benchmark's own JVM ({@link InJvmTarget}) or in a child JVM ({@link ProcessTarget}).
 *
 * @param <F> a round's figures per activity
 */
interface InboxTarget<F> extends AutoCloseable {
  /** Publishes a video of {@code kitchen} through the Site API; its ActivityPub id, under the gateway's public URL. */
  String publishVideo(String name);

  /**
   * Starts measuring a round; the function, called with the round's number of activities once every one of them is
   * processed, gives the round's figures.
   */
  IntFunction<F> measure();

  /** Returns once every activity the gateway has accepted so far is processed. */
  void awaitProcessed();

  /** The end of a round's line: the CPU per activity of the whole JVM measured, and its memory. */
  String summary(F figures);

  /** The line under a round's line and after the warm median: the gateway's CPU per activity and what it allows. */
  String split(F figures);

  /** The median of each figure over {@code rounds}. */
  F median(List<F> rounds);

  /** What a soak prints every minute: memory and the database file. */
  String soakFigures();
}

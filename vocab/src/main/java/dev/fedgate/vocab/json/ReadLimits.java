package dev.fedgate.vocab.json;

/**
 * Bounds on one document: body size in bytes, nesting depth, array length (which also bounds the properties of one
 * object) and string length (also property names). Exceeding one is a {@code LIMIT_EXCEEDED} error naming where,
 * never a stack overflow or an out-of-memory.
 */
public record ReadLimits(int maxBodyBytes, int maxDepth, int maxArrayLength, int maxStringLength) {
  /** Mastodon's 1 MiB body limit; depth 32; 5000 array items; 100,000 characters per string. */
  public static final ReadLimits DEFAULT = new ReadLimits(1 << 20, 32, 5000, 100_000);

  /** Every bound must be positive. */
  public ReadLimits {
    if (maxBodyBytes <= 0 || maxDepth <= 0 || maxArrayLength <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("read limits must be positive: " + maxBodyBytes + ", " + maxDepth + ", "
          + maxArrayLength + ", " + maxStringLength);
    }
  }
}

package dev.fedgate.gateway.storage.h2;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The accept journal beside the database file: records appended and synced in groups, in numbered segment files,
 * each segment deleted once a store of the database has covered it.
 *
 * <p>Why: a store of H2 writes every page a commit changed whole, so storing once per group of accepted activities
 * wrote about eight times their size. A record here costs its own bytes; the database then stores about once a second
 * ({@link H2Flusher}). A record is {@code [length][CRC-32C][bytes]}; a record cut short by a crash, or damaged, ends
 * the segment's reading (it was never acknowledged: its sync had not returned).
 *
 * <p>Not thread-safe: the flusher's thread appends, syncs and seals; {@link #open} reads before that thread starts.
 */
final class H2Journal {
  /** Segment files are {@code <database base name>.journal.<number>}. */
  static final String SEGMENT_INFIX = ".journal.";
  private static final int HEADER_BYTES = 8;
  /** The write buffer: most accepted activities are 1–4 KB, so a sync writes a few of these. */
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final Logger LOG = Logger.getLogger(H2Journal.class.getName());

  private final Path directory;
  private final String prefix;
  private final List<Path> left;
  private long nextNumber;
  private FileChannel current;
  private final List<Path> written = new ArrayList<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

  private H2Journal(Path directory, String prefix, List<Path> left, long nextNumber) {
    this.directory = directory;
    this.prefix = prefix;
    this.left = left;
    this.nextNumber = nextNumber;
  }

  /** The journal of the database whose file base (without H2's extension) is {@code base}; reads nothing yet. */
  static H2Journal open(Path base) throws IOException {
    Path directory = base.toAbsolutePath().getParent();
    String prefix = base.getFileName() + SEGMENT_INFIX;
    Files.createDirectories(directory);
    List<Path> left = new ArrayList<>();
    long last = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(prefix) && name.length() > prefix.length()
            && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
          last = Math.max(last, number(file, prefix));
          left.add(file);
        }
      }
    }
    left.sort((a, b) -> Long.compare(number(a, prefix), number(b, prefix)));
    return new H2Journal(directory, prefix, left, last + 1);
  }

  /** A reader of the records of the segments a previous process left, in the order they were appended. */
  LeftRecords readLeft() {
    return new LeftRecords(List.copyOf(left));
  }

  /** Deletes the segments a previous process left: call once their records are durably in the database. */
  void deleteLeft() throws IOException {
    for (Path segment : left) {
      Files.deleteIfExists(segment);
    }
    left.clear();
  }

  /** Appends {@code records} to the current segment (opening one if none is) and syncs it before returning. */
  void appendAndSync(List<byte[]> records) throws IOException {
    if (records.isEmpty()) {
      return;
    }
    if (current == null) {
      Path segment = directory.resolve(prefix + String.format("%06d", nextNumber++));
      current = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      written.add(segment);
      // A new file's name is durable only once its directory is synced.
      try (FileChannel listing = FileChannel.open(directory, StandardOpenOption.READ)) {
        listing.force(true);
      }
    }
    // Small records go out together through one buffer; a large one is written from its own array, not copied.
    buffer.clear();
    CRC32C crc = new CRC32C();
    for (byte[] record : records) {
      crc.reset();
      crc.update(record);
      if (buffer.remaining() < HEADER_BYTES + record.length) {
        writeOut(buffer);
      }
      buffer.putInt(record.length).putInt((int) crc.getValue());
      if (buffer.remaining() >= record.length) {
        buffer.put(record);
      } else {
        writeOut(buffer);
        writeFully(ByteBuffer.wrap(record));
      }
    }
    writeOut(buffer);
    current.force(false);
  }

  private void writeOut(ByteBuffer pending) throws IOException {
    pending.flip();
    writeFully(pending);
    pending.clear();
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      current.write(bytes);
    }
  }

  /** Whether segments of this process wait for a store to cover them. */
  boolean hasSegments() {
    return !written.isEmpty();
  }

  /**
   * Closes the current segment: records appended from now on go to a new one. Returns the segments written so far,
   * for {@link #delete} once a store begun after this call is written.
   */
  List<Path> seal() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
    List<Path> sealed = List.copyOf(written);
    written.clear();
    return sealed;
  }

  /** Deletes sealed segments whose records a store has covered. */
  static void delete(List<Path> sealed) {
    for (Path segment : sealed) {
      try {
        Files.deleteIfExists(segment);
      } catch (IOException e) {
        throw new UncheckedIOException("could not delete the journal segment " + segment.getFileName(), e);
      }
    }
  }

  private static long number(Path segment, String prefix) {
    return Long.parseLong(segment.getFileName().toString().substring(prefix.length()));
  }

  /**
   * Reads left segments a group of records at a time, so that a long journal (checkpoints failing for a while) is
   * replayed in bounded memory. Not thread-safe; close it when done.
   */
  static final class LeftRecords implements Closeable {
    private final Iterator<Path> segments;
    private final CRC32C crc = new CRC32C();
    private Path segment;
    private long segmentSize;
    private DataInputStream in;

    private LeftRecords(List<Path> segments) {
      this.segments = segments.iterator();
    }

    /**
     * The next records, at most {@code maxRecords} and, past the first, at most {@code maxBytes} together; empty once
     * every segment is read.
     */
    List<byte[]> next(int maxRecords, long maxBytes) throws IOException {
      List<byte[]> group = new ArrayList<>();
      long bytes = 0;
      while (group.size() < maxRecords && (group.isEmpty() || bytes < maxBytes)) {
        byte[] record = nextRecord();
        if (record == null) {
          break;
        }
        group.add(record);
        bytes += record.length;
      }
      return group;
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
        in = null;
      }
    }

    /** The next record of this segment or the following ones; null after the last. */
    private byte[] nextRecord() throws IOException {
      while (true) {
        if (in == null) {
          if (!segments.hasNext()) {
            return null;
          }
          segment = segments.next();
          segmentSize = Files.size(segment);
          in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segment)));
        }
        byte[] record = readRecord();
        if (record != null) {
          return record;
        }
        close();
      }
    }

    /** The segment's next record; null at its end or at a record cut short or damaged (which ends it). */
    private byte[] readRecord() throws IOException {
      int length;
      int expected;
      try {
        length = in.readInt();
        expected = in.readInt();
      } catch (EOFException e) {
        return null;
      }
      if (length < 0 || length > segmentSize) {
        return skipped("a damaged record");
      }
      byte[] record = new byte[length];
      try {
        in.readFully(record);
      } catch (EOFException e) {
        return skipped("a record cut short");
      }
      crc.reset();
      crc.update(record);
      return (int) crc.getValue() == expected ? record : skipped("a damaged record");
    }

    private byte[] skipped(String what) {
      LOG.warning("journal segment " + segment.getFileName() + " ends in " + what + "; it is skipped");
      return null;
    }
  }
}

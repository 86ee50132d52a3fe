package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2JournalTest {
  @TempDir
  Path directory;

  @Test
  void recordsAppendedBySeveralSegments_areReadBackInOrder_byTheNextProcess() throws IOException {
    H2Journal journal = H2Journal.open(directory.resolve("db"));
    journal.appendAndSync(List.of(bytes("one"), bytes("two")));
    journal.seal();
    journal.appendAndSync(List.of(bytes("three")));

    H2Journal next = H2Journal.open(directory.resolve("db"));

    assertThat(JournalRecords.all(next)).extracting(H2JournalTest::text).containsExactly("one", "two", "three");
  }

  @Test
  void recordsLargerThanTheWriteBuffer_amongSmallOnes_areReadBackWhole() throws IOException {
    String large = "x".repeat(200_000);
    String fits = "y".repeat(60_000);
    H2Journal journal = H2Journal.open(directory.resolve("db"));
    journal.appendAndSync(List.of(bytes("small"), bytes(large), bytes(fits), bytes(fits), bytes("last")));

    assertThat(JournalRecords.all(H2Journal.open(directory.resolve("db")))).extracting(H2JournalTest::text)
        .containsExactly("small", large, fits, fits, "last");
  }

  @Test
  void leftRecordsAreReadInGroups_boundedInCountAndInBytes_pastTheFirstRecord() throws IOException {
    H2Journal journal = H2Journal.open(directory.resolve("db"));
    journal.appendAndSync(List.of(bytes("a".repeat(60)), bytes("b".repeat(60)), bytes("c".repeat(500)),
        bytes("d"), bytes("e"), bytes("f")));

    try (H2Journal.LeftRecords left = H2Journal.open(directory.resolve("db")).readLeft()) {
      assertThat(left.next(10, 100)).extracting(H2JournalTest::text).containsExactly("a".repeat(60), "b".repeat(60));
      assertThat(left.next(10, 100)).extracting(H2JournalTest::text).containsExactly("c".repeat(500));
      assertThat(left.next(2, 100)).extracting(H2JournalTest::text).containsExactly("d", "e");
      assertThat(left.next(2, 100)).extracting(H2JournalTest::text).containsExactly("f");
      assertThat(left.next(2, 100)).isEmpty();
    }
  }

  @Test
  void segmentsAreOrderedByNumber_notByName() throws IOException {
    Files.write(directory.resolve("db.journal.1000000"), framed("later"));
    Files.write(directory.resolve("db.journal.999999"), framed("earlier"));

    assertThat(JournalRecords.all(H2Journal.open(directory.resolve("db")))).extracting(H2JournalTest::text)
        .containsExactly("earlier", "later");
  }

  @Test
  void aNewSegmentIsNumberedAfterTheLeftOnes_soTheyAreNotOverwritten() throws IOException {
    H2Journal first = H2Journal.open(directory.resolve("db"));
    first.appendAndSync(List.of(bytes("left")));

    H2Journal second = H2Journal.open(directory.resolve("db"));
    second.appendAndSync(List.of(bytes("new")));

    assertThat(segments()).hasSize(2);
    assertThat(JournalRecords.all(second)).extracting(H2JournalTest::text).containsExactly("left");
  }

  @Test
  void aRecordCutShortOrDamaged_endsItsSegment_keepingTheRecordsBefore() throws IOException {
    H2Journal journal = H2Journal.open(directory.resolve("db"));
    journal.appendAndSync(List.of(bytes("kept"), bytes("torn")));
    Path segment = segments().get(0);
    byte[] written = Files.readAllBytes(segment);
    Files.write(segment, Arrays.copyOf(written, written.length - 2));
    Files.write(directory.resolve("db.journal.000009"), damaged(framed("bitrot")));
    Files.write(directory.resolve("db.journal.000010"), framed("after"));

    assertThat(JournalRecords.all(H2Journal.open(directory.resolve("db")))).extracting(H2JournalTest::text)
        .containsExactly("kept", "after");
  }

  @Test
  void sealedSegments_areDeleted_andTheLeftOnes_onlyWhenAsked() throws IOException {
    Files.write(directory.resolve("db.journal.000001"), framed("left"));
    H2Journal journal = H2Journal.open(directory.resolve("db"));
    journal.appendAndSync(List.of(bytes("mine")));
    assertThat(journal.hasSegments()).isTrue();

    List<Path> sealed = journal.seal();
    assertThat(journal.hasSegments()).isFalse();
    H2Journal.delete(sealed);
    assertThat(segments()).extracting(path -> path.getFileName().toString()).containsExactly("db.journal.000001");

    journal.deleteLeft();
    assertThat(segments()).isEmpty();
  }

  @Test
  void otherFilesInTheDirectory_areNotSegments() throws IOException {
    Files.writeString(directory.resolve("db.mv.db"), "not a journal");
    Files.writeString(directory.resolve("db.journal.000001.bak"), "an operator's copy");
    Files.write(directory.resolve("other.journal.000001"), framed("another database's"));

    assertThat(JournalRecords.all(H2Journal.open(directory.resolve("db")))).isEmpty();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> path.getFileName().toString().startsWith("db.journal.")).sorted().toList();
    }
  }

  /** One record as the journal frames it, written by a journal in a scratch directory. */
  private byte[] framed(String text) throws IOException {
    Path scratch = Files.createTempDirectory(directory, "scratch");
    H2Journal journal = H2Journal.open(scratch.resolve("x"));
    journal.appendAndSync(List.of(bytes(text)));
    journal.seal();
    try (Stream<Path> files = Files.list(scratch)) {
      Path segment = files.findFirst().orElseThrow();
      byte[] framed = Files.readAllBytes(segment);
      Files.delete(segment);
      Files.delete(scratch);
      return framed;
    }
  }

  private static byte[] damaged(byte[] framed) {
    ByteBuffer copy = ByteBuffer.wrap(framed.clone());
    copy.put(framed.length - 1, (byte) (framed[framed.length - 1] ^ 0x20));
    return copy.array();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] record) {
    return new String(record, StandardCharsets.UTF_8);
  }
}

package dev.fedgate.gateway.storage.h2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test support: every record a journal's left segments hold, read three at a time. */
final class JournalRecords {
  private JournalRecords() {}

  static List<byte[]> all(H2Journal journal) throws IOException {
    List<byte[]> records = new ArrayList<>();
    try (H2Journal.LeftRecords left = journal.readLeft()) {
      for (List<byte[]> group = left.next(3, Long.MAX_VALUE); !group.isEmpty(); group = left.next(3, Long.MAX_VALUE)) {
        records.addAll(group);
      }
    }
    return records;
  }
}

package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.UsageCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StorageProviderTest {
  @TempDir
  Path directory;

  @Test
  void kind_isEmbedded() {
    assertThat(new H2StorageProvider().kind()).isEqualTo("embedded");
  }

  @Test
  void open_noUrl_createsTheFileDatabaseInTheDataDirectory() throws Exception {
    Path data = directory.resolve("nested/data");
    StorageBackend backend = open(StorageSettings.builder().dataDirectory(data).build());
    try {
      assertThat(backend.usage().toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isEqualTo(new UsageCounts(0, 0, 0, 0));
    } finally {
      backend.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertThat(Files.exists(data.resolve("fedgate.mv.db"))).isTrue();
  }

  @Test
  void open_fileUrl_opensThatFile() throws Exception {
    Path file = directory.resolve("elsewhere/db");
    StorageBackend backend = open(StorageSettings.builder().url("file:" + file).build());
    backend.close().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(Files.exists(directory.resolve("elsewhere/db.mv.db"))).isTrue();
  }

  @Test
  void open_memUrl_opensAnInMemoryDatabase() throws Exception {
    StorageBackend backend = open(StorageSettings.builder().url("mem:provider-test").build());
    try {
      backend.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      backend.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void open_neitherUrlNorDirectory_fails() {
    assertThatThrownBy(() -> open(StorageSettings.builder().build()))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jdbcUrl_refusesOtherSchemesAndSmuggledOptions() {
    assertThatThrownBy(() -> H2StorageProvider.jdbcUrl(StorageSettings.builder().url("tcp://db/x").build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> H2StorageProvider.jdbcUrl(StorageSettings.builder().url("mem:").build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> H2StorageProvider.jdbcUrl(
        StorageSettings.builder().url("mem:x;INIT=RUNSCRIPT FROM 'evil.sql'").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jdbcUrl_memAndFile_mapToH2Urls() throws Exception {
    assertThat(H2StorageProvider.jdbcUrl(StorageSettings.builder().url("mem:t").build())).startsWith("jdbc:h2:mem:t;");
    assertThat(H2StorageProvider.jdbcUrl(StorageSettings.builder().url("file:x/db").build()))
        .startsWith("jdbc:h2:file:" + Path.of("x/db").toAbsolutePath() + ";");
  }

  @Test
  void jdbcUrl_keepsBodiesInTheirRows_andParsedStatementsPerConnection() throws Exception {
    assertThat(H2StorageProvider.jdbcUrl(StorageSettings.builder().url("mem:t").build()))
        .contains(";MAX_LENGTH_INPLACE_LOB=32768").contains(";QUERY_CACHE_SIZE=64");
  }

  @Test
  void fileDatabase_commitsDoNotWriteTheFileThemselves_theDatabaseWritesThemInGroups() throws Exception {
    String url =
        H2StorageProvider.jdbcUrl(StorageSettings.builder().url("file:" + directory.resolve("grouped")).build());
    H2Database database = H2Database.open(url, 1);
    try {
      int delay = database.transaction(c -> H2Maintenance.mvStore(c).getAutoCommitDelay())
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(delay).isEqualTo(Integer.MAX_VALUE);
      assertThat(database.writesInGroups()).isTrue();
    } finally {
      database.close().toCompletableFuture().get(40, TimeUnit.SECONDS);
    }
  }

  @Test
  void jdbcUrl_splitsPagesAt4KiB_soACommitWritesSmallerLeaves() throws Exception {
    String url = H2StorageProvider.jdbcUrl(StorageSettings.builder().url("file:" + directory.resolve("pages")).build());
    H2Database database = H2Database.open(url, 1);
    try {
      long split = database.transaction(c -> H2Maintenance.mvStore(c).getMaxPageSize())
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(split).isEqualTo(H2StorageProvider.PAGE_SPLIT_BYTES).isLessThan(16 * 1024);
    } finally {
      database.close().toCompletableFuture().get(40, TimeUnit.SECONDS);
    }
  }

  private static StorageBackend open(StorageSettings settings) throws Exception {
    return new H2StorageProvider().open(settings).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

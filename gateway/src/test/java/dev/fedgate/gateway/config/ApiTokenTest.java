package dev.fedgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {
  @TempDir Path dataDirectory;

  @Test
  void generated_onFirstUse_ownerOnly_andKeptAcrossRestarts() throws Exception {
    ApiToken first = ApiToken.resolve(Optional.empty(), dataDirectory, new SecureRandom());
    Path file = dataDirectory.resolve(ApiToken.FILE_NAME);
    assertThat(first.file()).contains(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(first.reveal()).hasSizeGreaterThanOrEqualTo(40);

    ApiToken second = ApiToken.resolve(Optional.empty(), dataDirectory, new SecureRandom());
    assertThat(second.reveal()).isEqualTo(first.reveal());
    try (var files = Files.list(dataDirectory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void configured_isUsed_andNothingWritten() throws Exception {
    ApiToken token = ApiToken.resolve(Optional.of("configured-token-of-enough-length"), dataDirectory,
        new SecureRandom());
    assertThat(token.reveal()).isEqualTo("configured-token-of-enough-length");
    assertThat(token.file()).isEmpty();
    try (var files = Files.list(dataDirectory)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void matches_onlyTheExactToken_andToStringHidesIt() {
    ApiToken token = ApiToken.resolve(Optional.of("configured-token-of-enough-length"), dataDirectory,
        new SecureRandom());
    assertThat(token.matches("configured-token-of-enough-length")).isTrue();
    assertThat(token.matches("configured-token-of-enough-lengtH")).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.toString()).doesNotContain("configured-token");
  }
}

package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.process.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GatewayProcessTest {
  @Test
  void start_servesOnItsPort_andStopEndsCleanly() throws Exception {
    Path data;
    try (GatewayProcess gateway = GatewayProcess.builder().start()) {
      data = gateway.dataDirectory();
      assertThat(gateway.pid()).isNotEqualTo(ProcessHandle.current().pid());
      assertThat(site(gateway).get("/health").status()).isEqualTo(200);
      assertThat(site(gateway).putAccount("alice", SiteBodies.account("alice")).status()).isEqualTo(201);

      assertThat(gateway.stop()).isZero();
      assertThat(gateway.isAlive()).isFalse();
      assertThat(Files.readString(gateway.log())).contains("stopped");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void kill_endsAtOnce_andRestartKeepsTheData() {
    try (GatewayProcess first = GatewayProcess.builder().start()) {
      assertThat(site(first).putAccount("alice", SiteBodies.account("alice")).status()).isEqualTo(201);

      assertThat(first.kill()).isEqualTo(137);
      assertThatThrownBy(() -> site(first).get("/health")).isInstanceOf(RuntimeException.class);

      try (GatewayProcess second = first.restart()) {
        assertThat(second.dataDirectory()).isEqualTo(first.dataDirectory());
        assertThat(site(second).get("/api/v1/accounts/alice").status()).isEqualTo(200);
        first.close();
        assertThat(second.dataDirectory()).exists();
      }
    }
  }

  @Test
  void badFlag_failsTheStart_withTheLog() {
    assertThatThrownBy(() -> GatewayProcess.builder().flag("--no-such-flag", "1").start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--no-such-flag: unknown option");
  }

  private static SiteApiClient site(GatewayProcess gateway) {
    return new SiteApiClient(gateway.baseUrl(), gateway.apiToken());
  }
}

package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.testkit.conformance.CheckResult;
import dev.fedgate.testkit.conformance.ConformanceChecker;
import dev.fedgate.testkit.conformance.ConformanceReport;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedInstance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance checker against a real gateway holding an account, a channel and a video: every check passes. */
class ConformanceAgainstGatewayTest {
  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded();

  private static SimulatedInstance checkerHome;

  @BeforeAll
  static void publish() {
    SiteApiClient site = fedgate.siteApi();
    assertThat(site.putAccount("alice", SiteBodies.account("alice")).status()).isEqualTo(201);
    assertThat(site.putChannel("cooking", SiteBodies.channel("alice", "cooking")).status()).isEqualTo(201);
    assertThat(site.putVideo(UUID.randomUUID(), SiteBodies.video("cooking", "Bread at home")).status()).isEqualTo(201);
    checkerHome = SimulatedInstance.start(PeerProfile.mastodon());
  }

  @AfterAll
  static void stopHome() {
    checkerHome.close();
  }

  private static ConformanceReport check(String target) {
    return ConformanceChecker.create(Optional.of(checkerHome.instanceActor()), true).check(target);
  }

  @Test
  void everyCheckPasses_channelHandle() {
    ConformanceReport report = check("@" + fedgate.handle("cooking"));

    assertThat(report.failures()).as(report.text()).isEmpty();
    assertThat(report.results()).extracting(CheckResult::check).contains("webfinger", "actor-document",
        "actor-shape", "webfinger-round-trip", "public-key", "signed-fetch", "collection:outbox",
        "collection:followers", "collection:following");
    assertThat(report.results()).filteredOn(r -> r.check().startsWith("video:")).hasSize(1)
        .allMatch(r -> r.outcome() == CheckResult.Outcome.PASS);
    assertThat(report.results()).noneMatch(r -> r.outcome() == CheckResult.Outcome.SKIP);
  }

  @Test
  void everyCheckPasses_accountUrl() {
    ConformanceReport report = check(fedgate.publicUrl() + "/accounts/alice");

    assertThat(report.passed()).as(report.text()).isTrue();
    assertThat(report.result("webfinger-round-trip")).map(CheckResult::outcome).contains(CheckResult.Outcome.PASS);
  }

  @Test
  void commandLine_exitsZeroAndPrintsOneLinePerCheck() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = ConformanceChecker.run(new String[] {"@" + fedgate.handle("peertube"), "--allow-http"},
        new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    assertThat(printed.lines()).allMatch(line -> line.startsWith("PASS "))
        .anyMatch(line -> line.startsWith("PASS signed-fetch: "));
  }

  @Test
  void commandLine_refusesUnknownOptions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = ConformanceChecker.run(new String[] {"@a@b", "--frobnicate"},
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:");
  }

  @Test
  void httpIdsFail_withoutAllowHttp() {
    ConformanceReport report = ConformanceChecker.create(Optional.empty(), false)
        .check(fedgate.publicUrl() + "/accounts/alice");

    assertThat(report.result("actor-shape")).map(CheckResult::outcome).contains(CheckResult.Outcome.FAIL);
    assertThat(report.result("signed-fetch")).map(CheckResult::outcome).contains(CheckResult.Outcome.SKIP);
  }
}

package dev.fedgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigParserTest {
  private static GatewayConfig parse(Map<String, String> env, String... args) {
    ConfigParser.Parsed parsed = ConfigParser.parse(args, env);
    assertThat(parsed).isInstanceOf(ConfigParser.Run.class);
    return ((ConfigParser.Run) parsed).config();
  }

  @Test
  void defaults_noConfiguration() {
    GatewayConfig config = parse(Map.of());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.publicUrl()).isEmpty();
    assertThat(config.dataDirectory()).isEqualTo(Path.of("fedgate-data"));
    assertThat(config.storage()).isEqualTo(StorageKind.EMBEDDED);
    assertThat(config.postgresUrl()).isEmpty();
    assertThat(config.apiToken()).isEmpty();
    assertThat(config.webhookUrl()).isEmpty();
    assertThat(config.allowPrivateAddresses()).isFalse();
    assertThat(config.authorizedFetch()).isFalse();
    assertThat(config.cryptoProvider()).isEqualTo(CryptoProvider.AUTO);
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.pgPoolSize())
        .isEqualTo(GatewayConfig.defaultPgPoolSize(Runtime.getRuntime().availableProcessors()));
    assertThat(config.seenRetention()).isEqualTo(Duration.ofDays(14));
    assertThat(config.eventRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.deliveryLease()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.deliveryConcurrency()).isEqualTo(128);
    assertThat(config.deliveryPerHost()).isEqualTo(4);
    assertThat(config.delivery().worker().maxInFlight()).isEqualTo(128);
    assertThat(config.delivery().perHost()).isEqualTo(4);
    assertThat(config.retryBase()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.inboxLease()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void defaultPgPoolSize_isTwoPerCore_within4And64() {
    assertThat(GatewayConfig.defaultPgPoolSize(1)).isEqualTo(4);
    assertThat(GatewayConfig.defaultPgPoolSize(2)).isEqualTo(4);
    assertThat(GatewayConfig.defaultPgPoolSize(8)).isEqualTo(16);
    assertThat(GatewayConfig.defaultPgPoolSize(96)).isEqualTo(64);
  }

  @Test
  void pgPoolSize_needsPostgres() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--pg-pool-size", "8"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessage("--pg-pool-size: is only used with --storage postgres");
  }

  @Test
  void deliveryPerHost_mustNotExceedTheConcurrency() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--delivery-concurrency", "8", "--delivery-per-host",
        "9"}, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessage("--delivery-per-host: must be at most --delivery-concurrency (8)");
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--delivery-per-host", "129"}, Map.of()))
        .hasMessage("--delivery-per-host: must be at most --delivery-concurrency (128)");
    GatewayConfig config = parse(Map.of(), "--delivery-concurrency", "8", "--delivery-per-host", "8");
    assertThat(config.delivery().worker().maxInFlight()).isEqualTo(8);
    assertThat(config.delivery().perHost()).isEqualTo(8);
  }

  @Test
  void deliveryLease_mustOutlastTheDeliveryTimeout() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--delivery-timeout", "5", "--delivery-lease", "5"},
        Map.of())).isInstanceOf(ConfigException.class)
        .hasMessage("--delivery-lease: must be longer than --delivery-timeout (5 s)");
    assertThat(parse(Map.of(), "--delivery-timeout", "2", "--delivery-lease", "3").deliveryLease())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void everyOption_fromEnvironment() {
    GatewayConfig config = parse(Map.ofEntries(
        Map.entry("FEDGATE_PORT", "9000"),
        Map.entry("FEDGATE_HOST", "0.0.0.0"),
        Map.entry("FEDGATE_PUBLIC_URL", "https://Video.Example/"),
        Map.entry("FEDGATE_DATA_DIR", "/var/lib/fedgate"),
        Map.entry("FEDGATE_STORAGE", "postgres"),
        Map.entry("FEDGATE_PG_URL", "postgresql://fed:s%40cret@db.internal:5433/fedgate"),
        Map.entry("FEDGATE_API_TOKEN", "abcdefghijklmnopqrstuvwxyz012345"),
        Map.entry("FEDGATE_WEBHOOK_URL", "https://site.example/hooks/fedgate"),
        Map.entry("FEDGATE_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        Map.entry("FEDGATE_ALLOW_PRIVATE_ADDRESSES", "true"),
        Map.entry("FEDGATE_AUTHORIZED_FETCH", "yes"),
        Map.entry("FEDGATE_CRYPTO_PROVIDER", "JDK"),
        Map.entry("FEDGATE_MAX_BODY_BYTES", "2048"),
        Map.entry("FEDGATE_SHUTDOWN_GRACE", "3"),
        Map.entry("FEDGATE_KEY_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
        Map.entry("FEDGATE_PG_POOL_SIZE", "12"),
        Map.entry("FEDGATE_SEEN_RETENTION_DAYS", "7"),
        Map.entry("FEDGATE_EVENT_RETENTION_DAYS", "90"),
        Map.entry("FEDGATE_DELIVERY_TIMEOUT", "10"),
        Map.entry("FEDGATE_DELIVERY_LEASE", "60"),
        Map.entry("FEDGATE_DELIVERY_CONCURRENCY", "500"),
        Map.entry("FEDGATE_DELIVERY_PER_HOST", "8"),
        Map.entry("FEDGATE_RETRY_BASE", "5"),
        Map.entry("FEDGATE_INBOX_LEASE", "20")));
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.publicUrl()).contains(URI.create("https://video.example"));
    assertThat(config.dataDirectory()).isEqualTo(Path.of("/var/lib/fedgate"));
    assertThat(config.storage()).isEqualTo(StorageKind.POSTGRES);
    PostgresUrl pg = config.postgresUrl().orElseThrow();
    assertThat(pg.host()).isEqualTo("db.internal");
    assertThat(pg.port()).isEqualTo(5433);
    assertThat(pg.user()).isEqualTo("fed");
    assertThat(pg.password()).isEqualTo("s@cret");
    assertThat(pg.database()).isEqualTo("fedgate");
    assertThat(config.apiToken()).contains("abcdefghijklmnopqrstuvwxyz012345");
    assertThat(config.webhookUrl()).contains(URI.create("https://site.example/hooks/fedgate"));
    assertThat(config.webhookSecret()).contains("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(config.allowPrivateAddresses()).isTrue();
    assertThat(config.authorizedFetch()).isTrue();
    assertThat(config.cryptoProvider()).isEqualTo(CryptoProvider.JDK);
    assertThat(config.maxBodyBytes()).isEqualTo(2048);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.keyEncryptionKey()).contains("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    assertThat(config.toString()).doesNotContain("AAECAwQF");
    assertThat(config.pgPoolSize()).isEqualTo(12);
    assertThat(config.seenRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.eventRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.deliveryLease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.delivery().worker().maxInFlight()).isEqualTo(500);
    assertThat(config.delivery().worker().lease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.delivery().perHost()).isEqualTo(8);
    assertThat(config.retryBase()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.inboxLease()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void flagWinsOverEnvironment() {
    GatewayConfig config = parse(Map.of("FEDGATE_PORT", "9000", "FEDGATE_HOST", "0.0.0.0"),
        "--port", "9100", "--host=::1");
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.host()).isEqualTo("::1");
  }

  @Test
  void switchStandsAlone_orTakesValue() {
    assertThat(parse(Map.of(), "--allow-private-addresses", "--port", "1").allowPrivateAddresses()).isTrue();
    assertThat(parse(Map.of(), "--authorized-fetch").authorizedFetch()).isTrue();
    assertThat(parse(Map.of("FEDGATE_AUTHORIZED_FETCH", "true"), "--authorized-fetch=false").authorizedFetch())
        .isFalse();
  }

  @Test
  void emptyEnvironmentValue_isIgnored() {
    assertThat(parse(Map.of("FEDGATE_PORT", "")).port()).isEqualTo(8080);
  }

  @Test
  void help_isRecognised_andListsEveryOptionWithDefault() {
    assertThat(ConfigParser.parse(new String[] {"--port", "1", "--help"}, Map.of()))
        .isInstanceOf(ConfigParser.Help.class);
    String help = ConfigParser.helpText();
    for (ConfigOption option : ConfigOption.values()) {
      assertThat(help).contains(option.flag).contains(option.env).contains("default: " + option.defaultText);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--port|abc|--port: must be a whole number (got \"abc\")",
      "--port|70000|--port: must be from 0 to 65535 (got 70000)",
      "--port|-1|--port: must be from 0 to 65535 (got -1)",
      "--host|a b|--host: must be a host name or IP address (got \"a b\")",
      "--public-url|ftp://x.example|--public-url: must be an absolute http or https URL (got \"ftp://x.example\")",
      "--public-url|https://x.example/videos|--public-url: must be scheme, host and optional port only, like https://video.example (got \"https://x.example/videos\")",
      "--public-url|not a url|--public-url: must be an absolute http or https URL (got \"not a url\")",
      "--storage|mysql|--storage: must be embedded or postgres (got \"mysql\")",
      "--pg-url|mysql://h/db|--pg-url: must start with postgresql:// (got scheme mysql)",
      "--pg-url|postgresql://host|--pg-url: must name one database after the host, as in postgresql://host:5432/fedgate",
      "--api-token|short|--api-token: must be at least 24 characters",
      "--webhook-url|site.example/hook|--webhook-url: must be an absolute http or https URL (got \"site.example/hook\")",
      "--webhook-secret|secret|--webhook-secret: must be whsec_ followed by base64 of 24 to 64 bytes",
      "--webhook-secret|whsec_AAAA|--webhook-secret: must be whsec_ followed by base64 of 24 to 64 bytes (got 3 bytes)",
      "--allow-private-addresses|maybe|--allow-private-addresses: must be true or false (got \"maybe\")",
      "--authorized-fetch|2|--authorized-fetch: must be true or false (got \"2\")",
      "--crypto-provider|openssl|--crypto-provider: must be auto, conscrypt or jdk (got \"openssl\")",
      "--max-body-bytes|10|--max-body-bytes: must be at least 1024 (got 10)",
      "--shutdown-grace|-5|--shutdown-grace: must not be negative",
      "--domain-blocks|bad domain|--domain-blocks: must be comma-separated domain names (got \"bad domain\")",
      "--key-encryption-key|c2hvcnQ=|--key-encryption-key: must be base64 of 32 bytes (e.g. openssl rand -base64 32)",
      "--pg-pool-size|0|--pg-pool-size: must be from 1 to 256 (got 0)",
      "--pg-pool-size|257|--pg-pool-size: must be from 1 to 256 (got 257)",
      "--seen-retention-days|0|--seen-retention-days: must be at least 1 d (got 0 s)",
      "--event-retention-days|x|--event-retention-days: must be a whole number (got \"x\")",
      "--delivery-timeout|0|--delivery-timeout: must be at least 1 s (got 0 s)",
      "--delivery-lease|1|--delivery-lease: must be at least 2 s (got 1 s)",
      "--inbox-lease|4|--inbox-lease: must be at least 5 s (got 4 s)",
      "--delivery-concurrency|0|--delivery-concurrency: must be from 1 to 1000 (got 0)",
      "--delivery-concurrency|1001|--delivery-concurrency: must be from 1 to 1000 (got 1001)",
      "--delivery-per-host|0|--delivery-per-host: must be at least 1 (got 0)",
      "--retry-base|0|--retry-base: must be at least 1 s (got 0 s)",
      "--key-encryption-key|not base64!|--key-encryption-key: must be base64 of 32 bytes (e.g. openssl rand -base64 32)",
  })
  void invalidValue_namesOptionAndProblem(String flag, String value, String message) {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {flag, value}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message)
        .extracting(e -> ((ConfigException) e).option()).isEqualTo(flag);
  }

  @Test
  void domainBlocks_areReadAsALowerCaseSet() {
    GatewayConfig config = parse(Map.of("FEDGATE_DOMAIN_BLOCKS", " Spam.Example , evil.example,,"));

    assertThat(config.domainBlocks()).containsExactlyInAnyOrder("spam.example", "evil.example");
    assertThat(parse(Map.of()).domainBlocks()).isEmpty();
  }

  @Test
  void invalidEnvironmentValue_namesTheOption() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[0], Map.of("FEDGATE_PORT", "eighty")))
        .hasMessage("--port: must be a whole number (got \"eighty\")");
  }

  @Test
  void unknownFlag_isRefused() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--prot", "1"}, Map.of()))
        .hasMessage("--prot: unknown option (see --help)");
  }

  @Test
  void flagGivenTwice_isRefused() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--port", "1", "--port=2"}, Map.of()))
        .hasMessage("--port: was given twice");
  }

  @Test
  void flagWithoutValue_isRefused() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--port"}, Map.of()))
        .hasMessage("--port: needs a value");
  }

  @Test
  void postgres_needsItsUrl_andUrlNeedsPostgres() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--storage", "postgres"}, Map.of()))
        .hasMessage("--pg-url: is required with --storage postgres");
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--pg-url", "postgresql://h/db"}, Map.of()))
        .hasMessage("--pg-url: is only used with --storage postgres");
  }

  @Test
  void webhookUrlAndSecret_comeTogether() {
    assertThatThrownBy(() -> ConfigParser.parse(new String[] {"--webhook-url", "https://s.example/h"}, Map.of()))
        .hasMessage("--webhook-secret: is required with --webhook-url (webhooks are always signed)");
    assertThatThrownBy(() -> ConfigParser.parse(
        new String[] {"--webhook-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, Map.of()))
        .hasMessage("--webhook-url: is required with --webhook-secret");
  }

  @Test
  void secrets_neverAppearInToString() {
    GatewayConfig config = parse(Map.of(
        "FEDGATE_STORAGE", "postgres",
        "FEDGATE_PG_URL", "postgresql://fed:hunter2hunter2@db/fedgate",
        "FEDGATE_API_TOKEN", "abcdefghijklmnopqrstuvwxyz012345"));
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("abcdefghijklmnop");
    assertThat(config.postgresUrl().orElseThrow().toConnectionUri())
        .isEqualTo("postgresql://fed:hunter2hunter2@db:5432/fedgate");
  }
}

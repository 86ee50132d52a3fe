package dev.fedgate.gateway.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the configuration from command-line flags and {@code FEDGATE_*} environment variables; a flag wins over its
 * variable. Flags take {@code --name value} or {@code --name=value}; switches may stand alone.
 */
public final class ConfigParser {
  private ConfigParser() {}

  /** What the command line asked for: run with a configuration, or print the help. */
  public sealed interface Parsed permits Run, Help {}

  /** Start the gateway with this configuration. */
  public record Run(GatewayConfig config) implements Parsed {}

  /** Print {@link #helpText()} and exit. */
  public record Help() implements Parsed {}

  /**
   * Parses flags and environment.
   *
   * @throws ConfigException for an unknown flag, a missing value, or a value an option refuses
   */
  public static Parsed parse(String[] args, Map<String, String> env) {
    Map<ConfigOption, String> values = new EnumMap<>(ConfigOption.class);
    for (ConfigOption option : ConfigOption.values()) {
      String value = env.get(option.env);
      if (value != null && !value.isEmpty()) {
        values.put(option, value);
      }
    }
    Map<ConfigOption, String> fromFlags = new EnumMap<>(ConfigOption.class);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Help();
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      ConfigOption option = byFlag(name);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (option.isSwitch() && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigException(name, "needs a value");
      }
      if (fromFlags.put(option, value) != null) {
        throw new ConfigException(name, "was given twice");
      }
    }
    values.putAll(fromFlags);
    GatewayConfig.Builder builder = GatewayConfig.builder();
    values.forEach((option, value) -> option.apply(builder, value));
    return new Run(builder.build());
  }

  private static ConfigOption byFlag(String flag) {
    for (ConfigOption option : ConfigOption.values()) {
      if (option.flag.equals(flag)) {
        return option;
      }
    }
    throw new ConfigException(flag, "unknown option (see --help)");
  }

  /** Every option with its variable, default and meaning. */
  public static String helpText() {
    StringBuilder out = new StringBuilder("Usage: java -jar fedgate.jar [options]\n\n"
        + "Each option can also be set by its environment variable; a flag wins over its variable.\n\n");
    for (ConfigOption option : ConfigOption.values()) {
      out.append(String.format("  %-28s %-34s default: %s%n  %28s %s%n", option.flag + (option.isSwitch() ? "[=BOOL]" : " VALUE"),
          option.env, option.defaultText, "", option.help));
    }
    return out.append(String.format("  %-28s print this help and exit%n", "--help")).toString();
  }
}

package dev.fedgate.gateway.config;

/** A configuration value that cannot be used: names the option and the problem in one readable line. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String option;

  /** A problem with {@code option} (its flag name, e.g. {@code --port}). */
  public ConfigException(String option, String problem) {
    super(option + ": " + problem);
    this.option = option;
  }

  /** The flag name of the option at fault. */
  public String option() {
    return option;
  }
}

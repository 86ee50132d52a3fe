package dev.fedgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void processDefaults_turnH2sValueCacheOff() {
    Properties system = new Properties();

    Main.applyProcessDefaults(system);

    assertThat(system.getProperty("h2.objectCache")).isEqualTo("false");
  }

  @Test
  void processDefaults_keepWhatTheCommandLineSet() {
    Properties system = new Properties();
    system.setProperty("h2.objectCache", "true");

    Main.applyProcessDefaults(system);

    assertThat(system.getProperty("h2.objectCache")).isEqualTo("true");
  }
}

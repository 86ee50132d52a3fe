package dev.fedgate.signatures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's compiled classes stay free of Vert.x and of the wall clock (DESIGN.md, STYLE.md §3.3). */
class ModuleBoundariesTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.fedgate.signatures");

  @Test
  void noClass_dependsOnVertx() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx..").check(MAIN);
  }

  @Test
  void noClass_readsTheWallClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis").check(MAIN);
  }
}

package io.openrma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries: each top-level package under {@code io.openrma} is a module; modules use each
 * other only through their top-level public types (and the named interfaces of {@code integrations}),
 * and no modules depend on each other in a cycle. Also writes Modulith's documentation (PlantUML
 * component diagrams, module canvases) into {@code docs/modules/}, and keeps the README's module
 * diagram (Mermaid, which GitHub renders) equal to the modules as they are.
 */
class ModulesTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(OpenRmaApplication.class);

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApiAndWithoutCycles() {
    MODULES.verify();
  }

  @Test
  void theReadmeShowsTheModulesAsTheyAre() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    String diagram = mermaid();
    Files.writeString(Path.of("docs/modules/modules.mmd"), diagram);
    assertThat(Files.readString(Path.of("README.md")))
        .as("README.md's Architecture section shows docs/modules/modules.mmd (copy it there)")
        .contains(diagram);
  }

  private static String mermaid() {
    StringBuilder text = new StringBuilder("flowchart LR\n");
    for (ApplicationModule module : MODULES) {
      String targets = module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName).sorted()
          .collect(Collectors.joining(" & "));
      text.append("  ").append(module.getName());
      if (!targets.isEmpty()) {
        text.append(" --> ").append(targets);
      }
      text.append('\n');
    }
    return text.toString();
  }
}

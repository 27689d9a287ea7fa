package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final String MAP_START = "<!-- module map: written by ModularityTests -->";
    private static final String MAP_END = "<!-- end of module map -->";

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void featureModulesOnlyUseEachOthersApi() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() {
        modules.forEach(module -> assertThat(
                        module.getBasePackage().getAnnotation(org.springframework.modulith.ApplicationModule.class))
                .as(name(module))
                .hasValueSatisfying(a -> assertThat(a.allowedDependencies())
                        .isNotEqualTo(new String[] {org.springframework.modulith.ApplicationModule.OPEN_TOKEN})));
    }

    /**
     * Writes the Documenter's diagrams and module canvases to target/spring-modulith-docs, and
     * checks that the README's code map shows the modules as they are; when it does not, the map it
     * should show is in target/spring-modulith-docs/readme-module-map.md.
     */
    @Test
    void readmeShowsTheModulesAsTheyAre() throws IOException {
        new Documenter(modules).writeDocumentation();
        String map = moduleMap();
        Path written = Path.of("target/spring-modulith-docs/readme-module-map.md");
        Files.writeString(written, map);
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(MAP_START);
        int end = readme.indexOf(MAP_END);
        assertThat(start).as("README.md has the module map").isNotNegative();
        assertThat(readme.substring(start, end + MAP_END.length()))
                .as("README.md's module map is stale: copy " + written)
                .isEqualTo(map);
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private String moduleMap() {
        var sorted = modules.stream()
                .sorted(Comparator.comparing(ModularityTests::name))
                .toList();
        StringBuilder map = new StringBuilder(MAP_START).append("\n\n```mermaid\nflowchart LR\n");
        for (ApplicationModule module : sorted) {
            module.getDirectDependencies(modules).stream()
                    .map(ApplicationModuleDependency::getTargetModule)
                    .map(ModularityTests::name)
                    .distinct()
                    .sorted()
                    .forEach(target -> map.append("  ")
                            .append(name(module))
                            .append(" --> ")
                            .append(target)
                            .append('\n'));
        }
        map.append("```\n\n| module | name | may use | uses | public Spring beans |\n|---|---|---|---|---|\n");
        for (ApplicationModule module : sorted) {
            String uses = module.getDirectDependencies(modules)
                    .uniqueModules()
                    .map(ModularityTests::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
            String allowed = module.getBasePackage()
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class)
                    .map(a -> String.join(
                            ", ",
                            java.util.Arrays.stream(a.allowedDependencies())
                                    .sorted()
                                    .toList()))
                    .orElse("");
            String services = module.getSpringBeans().stream()
                    .filter(bean -> bean.isApiBean())
                    .map(bean -> bean.getType().getSimpleName())
                    .sorted()
                    .collect(Collectors.joining(", "));
            map.append("| `")
                    .append(name(module))
                    .append("` | ")
                    .append(module.getDisplayName())
                    .append(" | ")
                    .append(allowed)
                    .append(" | ")
                    .append(uses)
                    .append(" | ")
                    .append(services)
                    .append(" |\n");
        }
        return map.append("\nDiagrams (PlantUML, C4) and one canvas per module: `./mvnw test -Dtest=ModularityTests`")
                .append(" writes them to `target/spring-modulith-docs`.\n\n")
                .append(MAP_END)
                .toString();
    }
}

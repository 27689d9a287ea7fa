package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The deployment files are safe by default (issue 16): Compose without the demo profile or any
 * demo password, the first administrator's password required, the demo override on 127.0.0.1 only;
 * the JVM exits on OutOfMemoryError wherever the portal is started, and a health check watches it.
 * No Docker engine here: the files are parsed, not run.
 */
class DeploymentFilesTests {

    @Test
    void composeRunsNoDemoAndRequiresTheFirstAdministratorsPassword() throws IOException {
        String text = Files.readString(Path.of("docker-compose.yml"));
        Map<String, Object> app = service(text, "app");
        Map<String, Object> environment = map(app.get("environment"));

        assertThat(text)
                .doesNotContain("demo-pass")
                .doesNotContainIgnoringCase("PROFILES_ACTIVE: demo")
                .doesNotContain("${PORTAL_PROFILES");
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
        // ${VAR:?message}: Compose refuses to start while it is unset or empty
        assertThat((String) environment.get("PORTAL_FIRST_ADMIN_PASSWORD"))
                .startsWith("${PORTAL_FIRST_ADMIN_PASSWORD:?");
        assertThat((String) environment.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${PORTAL_DB_PASSWORD:?");
        assertThat(app.get("restart")).isEqualTo("unless-stopped");
        assertThat(String.valueOf(map(app.get("healthcheck")).get("test"))).contains("/actuator/health");
    }

    @Test
    void theDemoOverrideListensOnTheLoopbackAddressOnly() throws IOException {
        Map<String, Object> app = service(Files.readString(Path.of("docker-compose.demo.yml")), "app");

        assertThat(map(app.get("environment")).get("SPRING_PROFILES_ACTIVE")).isEqualTo("demo");
        // replaced, not added to the base file's ports (which bind every interface)
        List<?> ports = (List<?>) map(app.get("ports")).get("!override");
        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
    }

    @Test
    void theJvmExitsOnOutOfMemoryWhereverThePortalStarts() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile)
                .containsPattern("ENTRYPOINT \\[\"java\",[^\\]]*\"-XX:\\+ExitOnOutOfMemoryError\"")
                .containsPattern("(?m)^HEALTHCHECK .*\\n.*/actuator/health");
        assertThat(Files.readString(Path.of("pom.xml")))
                .containsPattern("<jvmArguments>[^<]*-XX:\\+ExitOnOutOfMemoryError[^<]*</jvmArguments>");
    }

    private static Map<String, Object> service(String compose, String name) {
        Map<String, Object> root = new Yaml(new ComposeTags()).load(compose);
        return map(map(root.get("services")).get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** Compose's merge tag {@code !override} read as a map {"!override": the sequence}. */
    private static final class ComposeTags extends SafeConstructor {
        ComposeTags() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!override"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return Map.of("!override", constructSequence((SequenceNode) node));
                }
            });
        }
    }
}

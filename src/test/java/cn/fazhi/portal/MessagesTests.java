package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every UI string exists in both languages, and every key a template names exists. */
class MessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(zh.stringPropertyNames()).isNotEmpty();
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(file + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Keys the code builds at run time from a value ({@code "dashboard.status." + status},
     * {@code #{|kind.${k}|}}): every value they can be built from has its key in both languages.
     * The package-private enums of the dashboards are named by class (a move fails here loudly).
     */
    @Test
    void everyKeyBuiltAtRunTimeExistsInBothLanguages() throws Exception {
        Set<String> built = new TreeSet<>();
        for (String status : names(cn.fazhi.portal.report.ReportStatus.class)) {
            built.add("status." + status); // review queue, data quality
            built.add("dashboard.status." + status); // status board, comparison
        }
        built.add("dashboard.status.NOT_STARTED"); // a county without a report on the status board
        built.add("dashboard.status.LATE");
        names(cn.fazhi.portal.report.PublicationState.class).forEach(s -> built.add("publication.state." + s));
        names(Class.forName("cn.fazhi.portal.dashboard.CompositeIndex$Change"))
                .forEach(c -> built.add("dashboard.change." + c));
        for (String kind : names(Class.forName("cn.fazhi.portal.dashboard.PeerGroups$Kind"))) {
            built.add("quality.kind." + kind);
            for (int tercile = 0; tercile <= 3; tercile++) { // 0: population unknown
                built.add("dashboard.peer." + kind + "." + tercile);
            }
        }
        for (int tercile = 1; tercile <= 3; tercile++) {
            built.add("quality.tercile." + tercile);
        }
        names(cn.fazhi.portal.catalog.IndicatorKind.class).forEach(k -> built.add("kind." + k));
        names(cn.fazhi.portal.catalog.Direction.class).forEach(d -> built.add("direction." + d));
        names(cn.fazhi.portal.catalog.Severity.class).forEach(s -> built.add("severity." + s));
        names(cn.fazhi.portal.account.Role.class).forEach(r -> built.add("role." + r));
        names(cn.fazhi.portal.inspection.internal.InspectionKind.class).forEach(k -> built.add("inspection.kind." + k));
        names(cn.fazhi.portal.inspection.internal.FindingSeverity.class)
                .forEach(s -> built.add("inspection.severity." + s));
        names(cn.fazhi.portal.inspection.internal.FindingStatus.class)
                .forEach(s -> built.add("inspection.status." + s));
        java.lang.reflect.Field columns =
                Class.forName("cn.fazhi.portal.inspection.FindingExport").getDeclaredField("COLUMNS");
        columns.setAccessible(true);
        for (Object column : (List<?>) columns.get(null)) {
            built.add("inspection.column." + column);
        }
        assertThat(built).hasSizeGreaterThan(60);
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Set<String> keys = load(file).stringPropertyNames();
            assertThat(built.stream().filter(k -> !keys.contains(k)).toList())
                    .as(file)
                    .isEmpty();
        }
    }

    private static List<String> names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(e -> ((Enum<?>) e).name())
                .toList();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

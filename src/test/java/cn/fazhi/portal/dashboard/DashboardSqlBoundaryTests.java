package cn.fazhi.portal.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboards read other modules only through what those modules publish for them: in SQL the
 * read contracts of migration V21 and the report module's counted_report, counted_values and
 * published_report_as_of, never a table; in Java their services and records, never an entity or a
 * repository. Spring Modulith sees neither (SQL is text, entities are public types), so that the
 * boundary cannot erode silently this test reads the sources: every string literal of the
 * dashboard module that looks like SQL, against every table the migrations create.
 */
class DashboardSqlBoundaryTests {

    private static final Path MODULE = Path.of("src/main/java/cn/fazhi/portal/dashboard");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The relations the dashboards may read, each owned by another module (see V21's comments). */
    static final Set<String> CONTRACTS = Set.of(
            // region
            "region_area",
            "region_population_figure",
            // catalog
            "catalog_indicator",
            "catalog_scoring_setting",
            // report
            "report_generation",
            "report_deadline",
            "report_progress",
            "counted_report",
            "counted_values",
            "published_report_as_of");

    /** Tables the dashboard module owns itself (none: it only reads). */
    static final Set<String> OWN_TABLES = Set.of();

    private static final Pattern SQL_LIKE = Pattern.compile("(?is)\\bselect\\b|\\bjoin\\b|^\\s*from\\s");
    private static final Pattern RELATION = Pattern.compile("(?i)\\b(?:from|join)\\s+(?:lateral\\s+)?([^\\s,)]+)");
    private static final Pattern CTE = Pattern.compile("(?i)\\b(\\w+)\\s+as\\s*\\(");

    @Test
    void theContractsExistInTheMigrations() throws IOException {
        String migrations = migrations().toLowerCase(Locale.ROOT);
        for (String contract : CONTRACTS) {
            assertThat(migrations)
                    .as(contract + " is created by a migration")
                    .containsPattern("create\\s+(or\\s+replace\\s+)?(view|function)\\s+" + contract + "\\b");
        }
    }

    @Test
    void theDashboardSqlNamesNoOtherModulesTable() throws IOException {
        Set<String> tables = tables();
        assertThat(tables).as("tables read from the migrations").contains("annual_report", "region", "indicator");
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            for (String literal : stringLiterals(Files.readString(file))) {
                if (!SQL_LIKE.matcher(literal).find()) {
                    continue;
                }
                String sql = literal.toLowerCase(Locale.ROOT);
                for (String table : tables) {
                    // a bind parameter (:indicator) or a qualified column (r.region) is not a table
                    if (Pattern.compile("(?<![\\w.:$])" + table + "(?![\\w$])")
                            .matcher(sql)
                            .find()) {
                        found.add(file.getFileName() + ": table " + table + " in «" + shorten(literal) + "»");
                    }
                }
            }
        }
        assertThat(found)
                .as("the dashboards read other modules' read contracts (V21), not their tables")
                .isEmpty();
    }

    @Test
    void theDashboardSqlReadsOnlyTheContracts() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            for (String literal : stringLiterals(Files.readString(file))) {
                if (!SQL_LIKE.matcher(literal).find()) {
                    continue;
                }
                String sql = literal.toLowerCase(Locale.ROOT);
                Set<String> ctes = new TreeSet<>();
                Matcher cte = CTE.matcher(sql);
                while (cte.find()) {
                    ctes.add(cte.group(1));
                }
                Matcher relation = RELATION.matcher(sql);
                while (relation.find()) {
                    String name = relation.group(1).replaceFirst("\\(.*", "");
                    // a subquery, or a relation formatted in (String.formatted) from another literal
                    if (name.isEmpty() || name.startsWith("%")) {
                        continue;
                    }
                    if (!CONTRACTS.contains(name) && !ctes.contains(name)) {
                        found.add(file.getFileName() + ": " + name + " in «" + shorten(literal) + "»");
                    }
                }
            }
        }
        assertThat(found)
                .as("every relation the dashboard SQL reads is a read contract or a CTE")
                .isEmpty();
    }

    @Test
    void theBoundaryCheckSeesATable() {
        String sql = "select r.name, :indicator from region r join counted_report ar on ar.county_code = r.code";
        assertThat(stringLiterals("class X { String q = \"\"\"\n    " + sql + "\n    \"\"\"; // from region\n}"))
                .containsExactly("    " + sql + "\n    ");
        assertThat(Pattern.compile("(?<![\\w.:$])indicator(?![\\w$])")
                        .matcher(sql)
                        .find())
                .isFalse();
        assertThat(Pattern.compile("(?<![\\w.:$])region(?![\\w$])").matcher(sql).find())
                .isTrue();
    }

    @Test
    void theDashboardUsesNoOtherModulesEntityOrRepository() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.fazhi.portal.dashboard");
        DescribedPredicate<JavaClass> persistence =
                new DescribedPredicate<>("are another module's entity or repository") {
                    @Override
                    public boolean test(JavaClass type) {
                        return !type.getPackageName().startsWith("cn.fazhi.portal.dashboard")
                                && (type.isAnnotatedWith("jakarta.persistence.Entity")
                                        || type.isAnnotatedWith("jakarta.persistence.Embeddable")
                                        || type.isAssignableTo("org.springframework.data.repository.Repository"));
                    }
                };
        noClasses()
                .that()
                .resideInAPackage("cn.fazhi.portal.dashboard..")
                .should()
                .dependOnClassesThat(persistence)
                .check(classes);
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Matcher created = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)")
                .matcher(migrations());
        while (created.find()) {
            tables.add(created.group(1).toLowerCase(Locale.ROOT));
        }
        tables.removeAll(OWN_TABLES);
        return tables;
    }

    private static String migrations() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MODULE)) {
            List<Path> java =
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertThat(java).as("the dashboard module's sources").isNotEmpty();
            return java;
        }
    }

    /** The contents of the string literals and text blocks of a Java source, comments skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int end = start;
                while (!source.startsWith("\"\"\"", end) || source.charAt(end - 1) == '\\') {
                    end++;
                }
                literals.add(source.substring(start, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\') {
                        literal.append(source.charAt(j++));
                    }
                    literal.append(source.charAt(j++));
                }
                if (c == '"') {
                    literals.add(literal.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static String shorten(String literal) {
        String flat = literal.strip().replaceAll("\\s+", " ");
        return flat.length() > 100 ? flat.substring(0, 100) + "…" : flat;
    }
}

package cn.fazhi.portal.region.internal;

import cn.fazhi.portal.config.ConflictException;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.config.NumberText;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident population tables (常住人口表), for administrators: what the dashboards use, a newer
 * table uploaded as CSV, the table in use downloaded as CSV. The dashboards read
 * {@code region_population} themselves and take, per county, the row of the latest year.
 *
 * <p>An upload is one year's table: it is read as a stream, every bad row is listed with its line
 * and reason, and nothing is written unless every row is good; then it replaces that year's rows
 * in one transaction. The 2020 census (V14, with its cited source) is never replaced, and no year
 * before it or after this one is taken: an older table would only fill the census's gaps with
 * older figures, a future one is a typo.
 *
 * <p>The region module cannot know the portal's accounts (they depend on it), so the role is
 * checked on Spring Security's authentication, as the audit log does.
 */
@Service
@Transactional(readOnly = true)
public class PopulationTables {

    /** The 7th national census, loaded by V14: never replaced by an upload. */
    static final int CENSUS_YEAR = 2020;

    /** A table of every county-level unit is about 100 KB; ten times that is no population table. */
    public static final long MAX_UPLOAD_BYTES = 1024 * 1024;

    /** The country has 2,845 county-level units: more rows than this is not a population table. */
    public static final int MAX_ROWS = 5_000;

    /** Above every county (东莞市, the largest unit, had 10.5 million residents in 2020). */
    private static final long MAX_POPULATION = 99_999_999L;

    static final int MAX_SOURCE_LENGTH = 200;

    private static final List<String> CODE_COLUMNS = List.of("region_code", "code", "区划代码");
    private static final List<String> POPULATION_COLUMNS = List.of("population", "常住人口");

    /** Excel reads a CSV file as the system's code page (GBK in China) unless it starts with this. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final ApplicationEventPublisher events;
    private final ReportingCalendar calendar;

    PopulationTables(
            JdbcTemplate jdbc, RegionService regions, ApplicationEventPublisher events, ReportingCalendar calendar) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
        this.calendar = calendar;
    }

    /** A source in use: how many county-level units take their population from this year's table. */
    public record SourceInUse(int year, String source, long units) {}

    /** A stored year's table. */
    public record Table(int year, long rows, String sources, long inUse) {

        public boolean isCensus() {
            return year == CENSUS_YEAR;
        }
    }

    /** What the page shows: the sources in use, the units without any figure, the stored tables. */
    public record Overview(List<SourceInUse> inUse, long units, long withFigure, List<Table> tables) {

        public long withoutFigure() {
            return units - withFigure;
        }
    }

    /**
     * A problem of an upload: of a form field ({@code field} set), of the whole file (no line), or of
     * a row (its line in the file, the header being line 1).
     */
    public record Problem(String field, Long line, String key, List<Object> args) {

        static Problem ofField(String field, String key, Object... args) {
            return new Problem(field, null, key, List.of(args));
        }

        static Problem ofFile(String key, Object... args) {
            return new Problem("file", null, key, List.of(args));
        }

        static Problem ofLine(long line, String key, Object... args) {
            return new Problem(null, line, key, List.of(args));
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** An upload's outcome: the rows written, or the problems (and nothing written). */
    public record Outcome(int written, List<Problem> problems) {

        public boolean isStored() {
            return problems.isEmpty();
        }

        /** The problems of a form field, the file's included, as message keys with their arguments. */
        public Problem fieldProblem(String field) {
            return problems.stream()
                    .filter(p -> field.equals(p.field()))
                    .findFirst()
                    .orElse(null);
        }

        /** The problems of the file and its rows, which the page lists (a field's stand by the field). */
        public long fileProblemCount() {
            return problems.stream()
                    .filter(p -> p.line() != null || "file".equals(p.field()))
                    .count();
        }

        public List<Problem> lineProblems() {
            return problems.stream().filter(p -> p.line() != null).toList();
        }
    }

    public Overview overview() {
        requireAdministrator();
        List<RegionView> units = regions.countyLevelUnits();
        Map<String, Latest> latest = latest();
        Map<List<Object>, Long> bySource = units.stream()
                .map(u -> latest.get(u.code()))
                .filter(l -> l != null)
                .collect(Collectors.groupingBy(
                        l -> List.of(l.year(), l.source()), LinkedHashMap::new, Collectors.counting()));
        List<SourceInUse> inUse = bySource.entrySet().stream()
                .map(e -> new SourceInUse(
                        (Integer) e.getKey().get(0), (String) e.getKey().get(1), e.getValue()))
                .sorted((a, b) ->
                        a.year() != b.year() ? Integer.compare(b.year(), a.year()) : Long.compare(b.units(), a.units()))
                .toList();
        Map<Integer, Long> usedByYear = inUse.stream()
                .collect(Collectors.groupingBy(SourceInUse::year, Collectors.summingLong(SourceInUse::units)));
        List<Table> tables = jdbc.query(
                """
                select census_year, count(*) as rows, string_agg(distinct source, '; ') as sources
                  from region_population group by census_year order by census_year desc""",
                (rs, i) -> new Table(
                        rs.getInt(1), rs.getLong(2), rs.getString(3), usedByYear.getOrDefault(rs.getInt(1), 0L)));
        long withFigure = bySource.values().stream().mapToLong(Long::longValue).sum();
        return new Overview(inUse, units.size(), withFigure, tables);
    }

    /**
     * Checks an uploaded table and, when every row is good, makes it the table of its year.
     *
     * @param file the upload's content, or null when the request carried no file
     * @param size the upload's size in bytes
     */
    @Transactional
    public Outcome upload(String typedYear, String typedSource, InputStream file, long size, String fileName) {
        requireAdministrator();
        List<Problem> problems = new ArrayList<>();
        Integer year = year(typedYear, problems);
        String source = typedSource == null ? "" : typedSource.strip();
        if (source.isEmpty()) {
            problems.add(Problem.ofField("source", "population.sourceRequired"));
        } else if (source.length() > MAX_SOURCE_LENGTH) {
            problems.add(Problem.ofField("source", "population.sourceTooLong", MAX_SOURCE_LENGTH));
        }
        if (file == null) {
            problems.add(Problem.ofFile("population.noFile"));
            return new Outcome(0, problems);
        }
        if (size == 0) {
            problems.add(Problem.ofFile("population.emptyFile"));
            return new Outcome(0, problems);
        }
        if (size > MAX_UPLOAD_BYTES) {
            problems.add(Problem.ofFile("population.tooLarge"));
            return new Outcome(0, problems);
        }
        MessageDigest sha256 = sha256();
        Map<String, Long> figures = read(new DigestInputStream(file, sha256), problems);
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }
        Map<String, Object> before = state(year);
        jdbc.update("delete from region_population where census_year = ?", year);
        List<Object[]> rows = figures.entrySet().stream()
                .map(f -> new Object[] {f.getKey(), year, f.getValue(), source})
                .toList();
        jdbc.batchUpdate(
                "insert into region_population (region_code, census_year, population, source) values (?, ?, ?, ?)",
                rows);
        Map<String, Object> after = state(year);
        after.put("file", fileName == null ? "" : fileName);
        after.put("sha256", HexFormat.of().formatHex(sha256.digest()));
        events.publishEvent(new PopulationUploaded(year, before, after));
        return new Outcome(rows.size(), List.of());
    }

    /**
     * Removes an uploaded year's table (the census's stays).
     *
     * @throws RuleRefusedException for a year that is not an uploaded one's (the census's included)
     * @throws ConflictException when there is no table of that year (nothing changes)
     */
    @Transactional
    public void delete(String typedYear) {
        requireAdministrator();
        List<Problem> problems = new ArrayList<>();
        Integer year = year(typedYear, problems);
        if (year == null) {
            throw new RuleRefusedException(
                    "no year to delete: " + typedYear, problems.get(0).key());
        }
        Map<String, Object> before = state(year);
        if (jdbc.update("delete from region_population where census_year = ?", year) == 0) {
            throw new ConflictException("no population table of " + year, "population.noSuchTable");
        }
        events.publishEvent(new PopulationDeleted(year, before));
    }

    /**
     * The table in use as CSV: every county-level unit with its latest figure, the figure's year and
     * source (blank where there is none). Its region_code and population columns upload again.
     */
    public void writeCsv(Writer out) throws IOException {
        requireAdministrator();
        Map<String, Latest> latest = latest();
        out.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord("region_code", "name", "population", "census_year", "source");
        for (RegionView unit : regions.countyLevelUnits()) {
            Latest l = latest.get(unit.code());
            csv.printRecord(
                    unit.code(),
                    unit.name(),
                    l == null ? "" : l.population(),
                    l == null ? "" : l.year(),
                    l == null ? "" : l.source());
        }
        csv.flush();
    }

    // ---- reading an upload

    /** The figures by code, when every row is good; otherwise the problems are added. */
    private Map<String, Long> read(InputStream file, List<Problem> problems) {
        Map<String, RegionView> units =
                regions.countyLevelUnits().stream().collect(Collectors.toMap(RegionView::code, Function.identity()));
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        long line = 1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                file,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            skipByteOrderMark(reader);
            // empty lines are records too, so that a record's number is its line (the header's is 1)
            CSVParser parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(false)
                    .setIgnoreHeaderCase(true)
                    .setTrim(true)
                    .setAllowMissingColumnNames(true)
                    .get()
                    .parse(reader);
            String codeColumn = column(parser, CODE_COLUMNS);
            String populationColumn = column(parser, POPULATION_COLUMNS);
            if (codeColumn == null || populationColumn == null) {
                problems.add(Problem.ofFile("population.badHeader"));
                return figures;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line = record.getRecordNumber() + 1;
                if (record.getRecordNumber() > MAX_ROWS) {
                    problems.add(Problem.ofFile("population.tooManyRows", MAX_ROWS));
                    return figures;
                }
                String code = value(record, codeColumn);
                String population = value(record, populationColumn);
                if (code.isEmpty() && population.isEmpty()) {
                    continue;
                }
                checkRow(line, code, population, units, figures, firstLine, problems);
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            problems.add(
                    cause instanceof java.nio.charset.CharacterCodingException
                            ? Problem.ofFile("population.notUtf8")
                            : Problem.ofFile("population.unreadable", line + 1));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv's word for a duplicate header or an unclosed quote
            problems.add(Problem.ofFile("population.unreadable", line + 1));
        }
        if (problems.isEmpty() && figures.isEmpty()) {
            problems.add(Problem.ofFile("population.noFigures"));
        }
        return figures;
    }

    private void checkRow(
            long line,
            String code,
            String population,
            Map<String, RegionView> units,
            Map<String, Long> figures,
            Map<String, Long> firstLine,
            List<Problem> problems) {
        if (code.isEmpty()) {
            problems.add(Problem.ofLine(line, "population.codeMissing"));
            return;
        }
        if (regions.find(code).isEmpty()) {
            problems.add(Problem.ofLine(line, "population.unknownCode", shorten(code)));
            return;
        }
        if (!units.containsKey(code)) {
            problems.add(Problem.ofLine(
                    line,
                    "population.notCounty",
                    code,
                    regions.find(code).orElseThrow().name()));
            return;
        }
        Long first = firstLine.putIfAbsent(code, line);
        if (first != null) {
            problems.add(Problem.ofLine(line, "population.duplicateCode", code, first));
            return;
        }
        if (population.isEmpty()) {
            return; // no population: no row, never 0
        }
        Long residents = residents(population);
        if (residents == null) {
            problems.add(Problem.ofLine(line, "population.badNumber", shorten(population)));
            return;
        }
        figures.put(code, residents);
    }

    /** A whole number of residents above 0 ("389138", "389,138", full-width digits); null otherwise. */
    static Long residents(String typed) {
        NumberText.Parsed parsed = NumberText.parse(typed);
        if (!parsed.isNumber()) {
            return null;
        }
        BigDecimal value = parsed.value();
        if (value.signum() <= 0
                || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(MAX_POPULATION)) > 0) {
            return null;
        }
        return value.longValueExact();
    }

    /** The header's name among the accepted ones, or null. */
    private static String column(CSVParser parser, List<String> accepted) {
        return parser.getHeaderNames().stream()
                .filter(name -> accepted.contains(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).strip() : "";
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    /** A typed text as a message shows it: at most 20 characters. */
    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    // ---- helpers

    /** The year of a table an upload may write, or null with the reason added. */
    private Integer year(String typed, List<Problem> problems) {
        String text = typed == null ? "" : typed.strip();
        int thisYear = calendar.today().getYear();
        if (!text.matches("\\d{4}")) {
            problems.add(Problem.ofField("year", "population.badYear", thisYear));
            return null;
        }
        int year = Integer.parseInt(text);
        if (year == CENSUS_YEAR) {
            problems.add(Problem.ofField("year", "population.censusKept"));
            return null;
        }
        if (year < CENSUS_YEAR || year > thisYear) {
            problems.add(Problem.ofField("year", "population.badYear", thisYear));
            return null;
        }
        return year;
    }

    /** The figure in use of a unit: its row of the latest year. */
    private record Latest(int year, long population, String source) {}

    private Map<String, Latest> latest() {
        Map<String, Latest> latest = new LinkedHashMap<>();
        jdbc.query("""
                select distinct on (region_code) region_code, census_year, population, source
                  from region_population order by region_code, census_year desc""", rs -> {
            latest.put(rs.getString(1), new Latest(rs.getInt(2), rs.getLong(3), rs.getString(4)));
        });
        return latest;
    }

    private Map<String, Object> state(int year) {
        Map<String, Object> state = new LinkedHashMap<>();
        jdbc.query(
                """
                select count(*), coalesce(sum(population), 0), string_agg(distinct source, '; ')
                  from region_population where census_year = ?""",
                rs -> {
                    state.put("rows", rs.getLong(1));
                    state.put("residents", rs.getLong(2));
                    state.put("source", rs.getString(3));
                },
                year);
        return state;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void requireAdministrator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new NotAllowedException("population tables are for administrators");
        }
    }
}

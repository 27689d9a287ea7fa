import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what PostgreSQL logged while one page was requested (log_min_duration_statement = 0) into
 * a psql script that runs the same statements alone, each under EXPLAIN (ANALYZE): the page's SQL
 * "floor". Run by bench/run.sh with the JDK's single-file launcher:
 *
 * <pre>java bench/StatementLog.java LOG-EXCERPT OUT.sql</pre>
 *
 * Only the executed statements count (the extended protocol logs parse, bind and execute; the
 * execute line carries the text and the DETAIL line after it the parameters); transaction control
 * (BEGIN, COMMIT, SET) is left out. The parameters are put back in as literals, so each statement
 * is planned with its values, as the driver's unnamed statements are.
 */
public class StatementLog {

    private static final Pattern PREFIX = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+ \\[\\d+\\] ");
    private static final Pattern EXECUTE = Pattern.compile("LOG:  duration: [0-9.]+ ms  execute [^:]+: (.*)", Pattern.DOTALL);
    private static final Pattern PARAMETERS = Pattern.compile("DETAIL:  Parameters: (.*)", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    public static void main(String[] args) throws IOException {
        List<String> entries = entries(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder("\\set ON_ERROR_STOP on\n");
        int count = 0;
        for (int i = 0; i < entries.size(); i++) {
            Matcher execute = EXECUTE.matcher(entries.get(i));
            if (!execute.matches()) {
                continue;
            }
            String sql = execute.group(1).strip();
            String head = sql.toLowerCase(Locale.ROOT);
            if (head.startsWith("begin") || head.startsWith("commit") || head.startsWith("rollback")
                    || head.startsWith("set ") || head.startsWith("show ")) {
                continue;
            }
            List<String> values = List.of();
            if (i + 1 < entries.size()) {
                Matcher parameters = PARAMETERS.matcher(entries.get(i + 1));
                if (parameters.matches()) {
                    values = parameters(parameters.group(1));
                }
            }
            List<String> bound = values;
            String literal = PLACEHOLDER.matcher(sql).replaceAll(m -> {
                int n = Integer.parseInt(m.group(1));
                return Matcher.quoteReplacement(n <= bound.size() ? bound.get(n - 1) : m.group());
            });
            out.append("explain (analyze, timing off, summary on) ").append(literal).append(";\n");
            count++;
        }
        Files.writeString(Path.of(args[1]), out, StandardCharsets.UTF_8);
        System.out.println(count);
    }

    /** Log records: a line with the log prefix and the tab-indented lines continuing it. */
    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            Matcher prefix = PREFIX.matcher(line);
            if (prefix.lookingAt()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder(line.substring(prefix.end()));
            } else if (current != null) {
                current.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }

    /** {@code $1 = '530000', $2 = NULL, $3 = 'it''s'} → the literals, in order. */
    private static List<String> parameters(String detail) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < detail.length()) {
            int eq = detail.indexOf(" = ", i);
            if (eq < 0) {
                break;
            }
            int start = eq + 3;
            if (detail.startsWith("NULL", start)) {
                values.add("NULL");
                i = start + 4;
            } else {
                int j = start + 1;
                while (j < detail.length()) {
                    if (detail.charAt(j) == '\'') {
                        if (j + 1 < detail.length() && detail.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                values.add(detail.substring(start, j + 1));
                i = j + 1;
            }
            while (i < detail.length() && (detail.charAt(i) == ',' || detail.charAt(i) == ' ')) {
                i++;
            }
        }
        return values;
    }
}

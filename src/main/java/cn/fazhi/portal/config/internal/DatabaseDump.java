package cn.fazhi.portal.config.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dump of the portal's database (数据库备份) written through PostgreSQL itself, and its restore.
 *
 * <p>The embedded server's binaries (zonky) hold only {@code initdb}, {@code pg_ctl} and
 * {@code postgres}, no {@code pg_dump}; so the dump is one {@code REPEATABLE READ READ ONLY}
 * transaction (a consistent snapshot) in which every table of the schema is written with
 * {@code COPY … TO STDOUT}, every column by name as the catalogue lists it (a column another
 * migration adds is dumped without this class knowing of it). The schema itself is not dumped: it
 * is the Flyway migrations' business, and the manifest records their version, so a restore migrates
 * an empty database to exactly that version and copies the rows back with triggers off.
 *
 * <p>The file is a zip: one entry per table in COPY's text format, one per large object, and
 * {@code manifest.json} ({@link BackupManifest}) with the row count and SHA-256 of every entry.
 */
public final class DatabaseDump {

    public static final String FORMAT = "fazhi-portal-dump/1";
    public static final String MANIFEST = "manifest.json";
    // Flyway keeps its own history; the restore's migration writes it again
    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMA_OID = "(select oid from pg_namespace where nspname = current_schema())";

    private DatabaseDump() {}

    /**
     * Writes a consistent snapshot of the connection's current schema to {@code out} (the stream is
     * finished, not closed). The connection is left in auto-commit mode.
     */
    public static BackupManifest write(Connection connection, OutputStream out) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // must be the transaction's first statement: every COPY below then reads one snapshot
            statement.execute("set transaction isolation level repeatable read, read only");
            sameTextEverywhere(statement);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(out);
            List<BackupManifest.Table> tables = new ArrayList<>();
            Map<String, List<String>> columns = columns(connection);
            int index = 0;
            for (String table : tablesInForeignKeyOrder(connection)) {
                String entry = "tables/%03d-%s.copy".formatted(++index, table);
                zip.putNextEntry(new ZipEntry(entry));
                DigestingOutput data = new DigestingOutput(zip);
                long rows = copy.copyOut(
                        "copy " + ident(table) + " (" + identList(columns.get(table)) + ") to stdout", data);
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, columns.get(table), entry, rows, data.hex()));
            }
            List<BackupManifest.LargeObject> largeObjects = new ArrayList<>();
            LargeObjectManager lobs = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            for (long oid : longs(connection, "select oid::bigint from pg_largeobject_metadata order by oid")) {
                String entry = "largeobjects/" + oid;
                zip.putNextEntry(new ZipEntry(entry));
                DigestingOutput data = new DigestingOutput(zip);
                LargeObject lob = lobs.open(oid, LargeObjectManager.READ);
                try (InputStream in = lob.getInputStream()) {
                    in.transferTo(data);
                }
                zip.closeEntry();
                largeObjects.add(new BackupManifest.LargeObject(oid, entry, data.bytes, data.hex()));
            }
            BackupManifest manifest = new BackupManifest(
                    FORMAT,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    flywayVersion(connection),
                    string(connection, "show server_version"),
                    tables,
                    sequences(connection),
                    largeObjects);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            return manifest;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The manifest of a dump file, refused when it is not one of ours. */
    public static BackupManifest readManifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return readManifest(zip);
        }
    }

    /**
     * Loads a dump into a database migrated to the dump's schema version, replacing whatever rows
     * the migrations put there (reference data), in one transaction: all or nothing. Every entry's
     * row count and checksum are checked against the manifest as it is read.
     */
    public static BackupManifest restore(Path file, Connection connection) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupManifest manifest = readManifest(zip);
            String version = flywayVersion(connection);
            if (manifest.flywayVersion() == null || !manifest.flywayVersion().equals(version)) {
                throw new IllegalStateException(
                        "The database is at schema version " + version + ", the dump at " + manifest.flywayVersion());
            }
            Set<String> here = new TreeSet<>(tablesInForeignKeyOrder(connection));
            Set<String> dumped = new TreeSet<>(
                    manifest.tables().stream().map(BackupManifest.Table::name).toList());
            if (!here.equals(dumped)) {
                throw new IllegalStateException("The dump's tables " + dumped + " are not the schema's " + here);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // triggers (append-only audit, derived counters, foreign keys) are off: the rows come
                // back exactly as they were, derived columns included
                statement.execute("set local session_replication_role = replica");
                sameTextEverywhere(statement);
                statement.execute("truncate table " + identList(List.copyOf(dumped)));
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (BackupManifest.Table table : manifest.tables()) {
                    MessageDigest sha = sha256();
                    long rows;
                    try (InputStream in = new DigestInputStream(entry(zip, table.entry()), sha)) {
                        rows = copy.copyIn(
                                "copy " + ident(table.name()) + " (" + identList(table.columns()) + ") from stdin", in);
                    }
                    check(
                            table.entry(),
                            table.rows(),
                            rows,
                            table.sha256(),
                            HexFormat.of().formatHex(sha.digest()));
                }
                for (BackupManifest.Sequence sequence : manifest.sequences()) {
                    if (sequence.lastValue() == null) {
                        statement.execute("alter sequence " + ident(sequence.name()) + " restart");
                    } else {
                        try (PreparedStatement setval =
                                connection.prepareStatement("select setval(?::regclass, ?, true)")) {
                            setval.setString(1, ident(sequence.name()));
                            setval.setLong(2, sequence.lastValue());
                            setval.execute();
                        }
                    }
                }
                LargeObjectManager lobs = connection.unwrap(PGConnection.class).getLargeObjectAPI();
                for (BackupManifest.LargeObject lo : manifest.largeObjects()) {
                    try (PreparedStatement create = connection.prepareStatement("select lo_create(?::oid)")) {
                        create.setLong(1, lo.oid());
                        create.execute();
                    }
                    MessageDigest sha = sha256();
                    LargeObject lob = lobs.open(lo.oid(), LargeObjectManager.WRITE);
                    long bytes;
                    try (InputStream in = new DigestInputStream(entry(zip, lo.entry()), sha);
                            OutputStream target = lob.getOutputStream()) {
                        bytes = in.transferTo(target);
                    }
                    check(
                            lo.entry(),
                            lo.bytes(),
                            bytes,
                            lo.sha256(),
                            HexFormat.of().formatHex(sha.digest()));
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            return manifest;
        }
    }

    /** The highest schema version Flyway applied, null when Flyway never ran on this database. */
    public static String flywayVersion(Connection connection) throws SQLException {
        if (longs(
                                connection,
                                "select count(*) from pg_class where relname = '" + FLYWAY_HISTORY
                                        + "' and relnamespace = " + SCHEMA_OID)
                        .get(0)
                == 0) {
            return null;
        }
        MigrationVersion highest = null;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select version from " + FLYWAY_HISTORY + " where success and version is not null")) {
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || version.isNewerThan(highest)) {
                    highest = version;
                }
            }
        }
        return highest == null ? null : highest.getVersion();
    }

    /**
     * The schema's tables, each after the tables it references, so that a restore with foreign keys
     * checked would also succeed (ties and cycles in name order).
     */
    static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (List<String> row : rows(
                connection,
                "select relname from pg_class where relkind = 'r' and relnamespace = " + SCHEMA_OID
                        + " and relname <> '" + FLYWAY_HISTORY + "'")) {
            parents.put(row.get(0), new TreeSet<>());
        }
        for (List<String> row : rows(connection, """
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                where k.contype = 'f' and k.conrelid <> k.confrelid""")) {
            if (parents.containsKey(row.get(0)) && parents.containsKey(row.get(1))) {
                parents.get(row.get(0)).add(row.get(1));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < parents.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !ordered.contains(e.getKey()) && ordered.containsAll(e.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    // a cycle: take the first remaining table (triggers are off on restore anyway)
                    .orElseGet(() -> parents.keySet().stream()
                            .filter(t -> !ordered.contains(t))
                            .findFirst()
                            .orElseThrow());
            ordered.add(next);
        }
        return List.copyOf(ordered);
    }

    private static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (List<String> row : rows(connection, """
                select c.relname, a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                where c.relkind = 'r' and c.relnamespace = %s and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = '' order by c.relname, a.attnum""".formatted(SCHEMA_OID))) {
            columns.computeIfAbsent(row.get(0), t -> new ArrayList<>()).add(row.get(1));
        }
        return columns;
    }

    private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (List<String> row : rows(
                connection,
                "select sequencename, last_value from pg_sequences where schemaname = current_schema() order by 1")) {
            sequences.add(
                    new BackupManifest.Sequence(row.get(0), row.get(1) == null ? null : Long.valueOf(row.get(1))));
        }
        return sequences;
    }

    /** Dates, times and intervals written and read in one unambiguous style whatever the session's. */
    private static void sameTextEverywhere(Statement statement) throws SQLException {
        statement.execute("set local timezone = 'UTC'");
        statement.execute("set local datestyle = 'ISO, YMD'");
        statement.execute("set local intervalstyle = 'postgres'");
        statement.execute("set local extra_float_digits = 3");
    }

    private static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new IllegalArgumentException(zip.getName() + " is not a portal dump (no " + MANIFEST + ")");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, BackupManifest.class);
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException(zip.getName() + " is not a portal dump of format " + FORMAT);
        }
        return manifest;
    }

    private static InputStream entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException("The dump has no entry " + name);
        }
        return zip.getInputStream(entry);
    }

    private static void check(String entry, long expectedCount, long count, String expectedSha, String sha) {
        if (expectedCount != count || !expectedSha.equals(sha)) {
            throw new IllegalStateException("The dump's " + entry + " is damaged: " + count + " (expected "
                    + expectedCount + "), SHA-256 " + sha + " (expected " + expectedSha + ")");
        }
    }

    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Long> longs(Connection connection, String sql) throws SQLException {
        return rows(connection, sql).stream().map(r -> Long.valueOf(r.get(0))).toList();
    }

    private static String string(Connection connection, String sql) throws SQLException {
        return rows(connection, sql).get(0).get(0);
    }

    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String identList(List<String> names) {
        return String.join(", ", names.stream().map(DatabaseDump::ident).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes on to the zip entry, counting and hashing them; never closes the zip. */
    private static final class DigestingOutput extends FilterOutputStream {
        private final MessageDigest sha = sha256();
        long bytes;

        DigestingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}

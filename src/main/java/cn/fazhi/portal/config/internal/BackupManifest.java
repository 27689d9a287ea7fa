package cn.fazhi.portal.config.internal;

import java.util.List;

/**
 * What a dump file holds (备份清单), written as {@code manifest.json} beside the data: enough to
 * restore it into an empty database and to prove that nothing was lost or altered on the way.
 *
 * @param format {@link DatabaseDump#FORMAT}; a restore refuses any other
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param flywayVersion the schema version of the dumped database: a restore migrates to exactly it
 * @param postgresVersion the server's {@code server_version}, for the record
 * @param tables in foreign-key order (referenced tables first)
 * @param sequences every sequence of the schema (the identity columns' included)
 * @param largeObjects PostgreSQL large objects, if any feature keeps files that way
 */
public record BackupManifest(
        String format,
        String createdAt,
        String flywayVersion,
        String postgresVersion,
        List<Table> tables,
        List<Sequence> sequences,
        List<LargeObject> largeObjects) {

    /**
     * One table's rows in PostgreSQL's COPY text format.
     *
     * @param columns the copied columns by name (generated columns are computed again on restore)
     * @param sha256 of the entry's bytes
     */
    public record Table(String name, List<String> columns, String entry, long rows, String sha256) {}

    /** @param lastValue null when the sequence was never used */
    public record Sequence(String name, Long lastValue) {}

    public record LargeObject(long oid, String entry, long bytes, String sha256) {}

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}

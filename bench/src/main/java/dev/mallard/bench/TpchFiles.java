package dev.mallard.bench;

import dev.mallard.tpch.TpchLoader;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TPC-H lineitem and orders at one scale factor as files in a work folder ({@code sf1},
 * {@code sf0.01}, ... under the folder given), generated on the first run and reused by later
 * ones: a CSV file per table written from {@code io.trino.tpch}, and Parquet files DuckDB writes
 * from that CSV, so both engines read the very same Parquet bytes. Every file is written under a
 * temporary name and renamed when complete, so an interrupted run never leaves a truncated file
 * that a later run would take for finished.
 */
final class TpchFiles {
    static final List<TpchTable<?>> TABLES = List.of(TpchTable.LINE_ITEM, TpchTable.ORDERS);

    final Path dir;
    /** table name → rows generated into its CSV file. */
    private final Map<String, Long> rows = new LinkedHashMap<>();

    private TpchFiles(Path dir) {
        this.dir = dir;
    }

    /** The files at {@code scaleFactor} under {@code root}, generating whichever are missing. */
    static TpchFiles prepare(Path root, double scaleFactor) throws IOException, SQLException {
        TpchFiles f = new TpchFiles(Files.createDirectories(root.resolve("sf" + ReportFormat.num(scaleFactor))));
        for (TpchTable<?> table : TABLES) {
            String name = table.getTableName();
            Path csv = f.path(name, FileSource.CSV);
            // The row count sits beside the CSV file: counting the rows again would take one of the
            // readers under test as the judge of the others.
            Path count = f.countFile(name);
            if (!Files.exists(csv) || !Files.exists(count)) {
                for (FileSource s : FileSource.values()) Files.deleteIfExists(f.path(name, s));
                f.writeCsv(table, scaleFactor, csv, count);
            } else {
                BenchLog.log("reusing %s", csv);
            }
            f.rows.put(name, Long.parseLong(Files.readString(count).strip()));
            for (FileSource s : FileSource.values()) {
                if (s.codec != null && !Files.exists(f.path(name, s))) writeParquet(csv, f.path(name, s), s.codec);
            }
        }
        return f;
    }

    Path path(String table, FileSource source) {
        return dir.resolve(table + source.suffix);
    }

    long rows(String table) {
        return rows.get(table);
    }

    /** The table function call that reads {@code table} from {@code source}: {@code read_parquet('/…/lineitem.parquet')}. */
    String read(String table, FileSource source) {
        return source.reader + "(" + literal(path(table, source)) + ")";
    }

    private Path countFile(String table) {
        return dir.resolve(table + ".rows");
    }

    private void writeCsv(TpchTable<?> table, double scaleFactor, Path csv, Path count) throws IOException, SQLException {
        BenchLog.log("writing %s", csv);
        long t0 = System.nanoTime();
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        long n;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 20)) {
            CsvRowWriter rows = new CsvRowWriter(w);
            rows.header(table.getColumns().stream().map(TpchColumn::getColumnName).toList());
            n = TpchLoader.appendAll(table, scaleFactor, rows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.writeString(count, n + "\n");
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        BenchLog.log("%d rows, %d bytes in %.1f s", n, Files.size(csv), (System.nanoTime() - t0) / 1e9);
    }

    private static void writeParquet(Path csv, Path parquet, String codec) throws IOException, SQLException {
        BenchLog.log("writing %s with DuckDB", parquet);
        long t0 = System.nanoTime();
        Path tmp = parquet.resolveSibling(parquet.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Connection c = Engine.DUCKDB.open();
        try (Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv(" + literal(csv) + ")) TO " + literal(tmp) + " (FORMAT parquet, COMPRESSION " + codec + ")");
        } finally {
            Engine.DUCKDB.close(c);
        }
        Files.move(tmp, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        BenchLog.log("%d bytes in %.1f s", Files.size(parquet), (System.nanoTime() - t0) / 1e9);
    }

    /** A path as an SQL string literal. */
    static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}

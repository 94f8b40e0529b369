package dev.mallard.engine;

import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.io.FileInput;
import dev.mallard.io.Rejects;
import dev.mallard.planner.SessionTables;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's rejects tables: each scan with {@code store_rejects = true} adds a row to its
 * scans table and one per rejected line to its errors table, with DuckDB's columns (the dialect
 * columns of reject_scans are folded into {@code user_arguments}). They live as long as the
 * connection, like DuckDB's temporary tables, and read as ordinary tables.
 */
final class RejectTables implements SessionTables {
    private static final List<String> ERROR_COLUMNS = List.of("scan_id", "file_id", "line", "line_byte_position", "byte_position",
            "column_idx", "column_name", "error_type", "csv_line", "error_message");
    private static final List<LogicalType> ERROR_TYPES = List.of(LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.BIGINT,
            LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR,
            LogicalType.VARCHAR);
    private static final List<String> SCAN_COLUMNS = List.of("scan_id", "file_id", "file_path", "user_arguments");
    private static final List<LogicalType> SCAN_TYPES = List.of(LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.VARCHAR,
            LogicalType.VARCHAR);

    /** A table's rows, appended to by the threads of scans. */
    private record Table(String name, List<String> columns, List<LogicalType> types, List<Object[]> rows) {}

    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private long nextScan;

    private Table table(String name, List<String> columns, List<LogicalType> types) {
        return tables.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Table(name, columns, types, new ArrayList<>()));
    }

    @Override
    public BoundTableFunction find(String name) {
        Table t = tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null) return null;
        List<Object[]> rows;
        synchronized (t.rows()) {
            rows = List.copyOf(t.rows());
        }
        return new dev.mallard.function.table.RowsFunction(t.name(), t.columns(), t.types(), rows);
    }

    @Override
    public synchronized Rejects rejects(String errorsTable, String scansTable, List<String> files, String arguments) {
        long scan = nextScan++;
        Table scans = table(scansTable, SCAN_COLUMNS, SCAN_TYPES);
        synchronized (scans.rows()) {
            for (int f = 0; f < files.size(); f++) scans.rows().add(new Object[] {scan, (long) f, files.get(f), arguments});
        }
        Table errors = table(errorsTable, ERROR_COLUMNS, ERROR_TYPES);
        return new Rejects() {
            @Override
            public boolean accepts() {
                return true;
            }

            @Override
            public void reject(FileInput file, long line, long byteOffset, int column, String columnName, String errorType,
                               String rawLine, String message) {
                long fileId = Math.max(0, files.indexOf(file.name()));
                Object[] row = {scan, fileId, line < 0 ? null : line, byteOffset < 0 ? null : byteOffset, byteOffset < 0 ? null : byteOffset,
                    column < 0 ? null : (long) column, columnName, errorType, rawLine, message};
                synchronized (errors.rows()) {
                    errors.rows().add(row);
                }
            }
        };
    }
}

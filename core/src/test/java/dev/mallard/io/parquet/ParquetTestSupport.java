package dev.mallard.io.parquet;

import dev.mallard.io.FileInput;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.io.Rejects;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared by the Parquet tests: DuckDB writes and reads files, and both sides' answers are
 * rendered in one canonical text per value (days for dates, microseconds for timestamps,
 * Double.toString for floating point, plain decimals), so rows compare exactly.
 */
final class ParquetTestSupport {
    private ParquetTestSupport() {}

    static Connection duck() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static FileInput input(Path p) {
        return new FileInput(p.toString(), p, null, FileInput.Compression.NONE);
    }

    static ParquetScan bind(Path p) {
        return (ParquetScan) new ParquetFormat().bind(input(p), ReadOptions.none(), null);
    }

    /** Pages (all kinds) in one column chunk, by walking their headers. */
    static int pageCount(Path p, int rowGroup, int column) {
        try (ParquetFile f = new ParquetFile(input(p))) {
            FileMetaData.ColumnChunk cc = f.footer().rowGroups().get(rowGroup).columns().get(column);
            byte[] b = f.read(cc.start(), (int) cc.totalCompressedSize());
            int pos = 0, pages = 0;
            while (pos < b.length) {
                PageHeader h = PageHeader.read(b, pos, b.length - pos);
                pos += h.headerSize() + h.compressedSize();
                pages++;
            }
            return pages;
        }
    }

    /** Every row of the file read by Mallard, all columns. */
    static List<String> mallardRows(Path p) {
        ParquetScan scan = bind(p);
        int[] all = new int[scan.names().size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return mallardRows(scan, all, List.of());
    }

    static List<String> mallardRows(FormatScan scan, int[] columns, List<TableFilter> filters) {
        List<LogicalType> types = new ArrayList<>();
        for (int c : columns) types.add(scan.types().get(c));
        List<String> out = new ArrayList<>();
        for (FormatScan.Split split : scan.splits(1, filters)) {
            DataChunk chunk = new DataChunk(types, 1000); // not a divisor of page sizes: pieces cross pages
            try (FormatScan.RowReader r = scan.open(split, columns, filters, Rejects.NONE)) {
                while (true) {
                    chunk.reset();
                    if (!r.next(chunk)) break;
                    for (int k = 0; k < chunk.count(); k++) {
                        StringBuilder b = new StringBuilder();
                        for (int c = 0; c < columns.length; c++) {
                            if (c > 0) b.append('|');
                            b.append(render(chunk.column(c), chunk.position(k)));
                        }
                        out.add(b.toString());
                    }
                }
            }
        }
        return out;
    }

    static String render(Vector v, int i) {
        Object o = v.getObject(i);
        if (o == null) return "null";
        LogicalType t = v.type();
        return switch (t.id()) {
            case DECIMAL -> new BigDecimal(o instanceof BigInteger b ? b : BigInteger.valueOf((Long) o), t.scale()).toPlainString();
            case REAL, DOUBLE -> Double.toString((Double) o);
            case INTERVAL -> {
                Interval iv = (Interval) o;
                yield iv.months() + "m" + iv.days() + "d" + iv.micros() + "us";
            }
            default -> o.toString();
        };
    }

    /**
     * DuckDB's reading of the file, each column rendered as {@link #render} renders Mallard's
     * type for it ({@code types}: Mallard's types of the columns).
     */
    static List<String> duckRows(Connection c, Path p, List<String> names, List<LogicalType> types) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < names.size(); i++) {
            String col = "\"" + names.get(i).replace("\"", "\"\"") + "\"";
            if (i > 0) sql.append(", ");
            sql.append(switch (types.get(i).id()) {
                case DATE -> "(" + col + " - DATE '1970-01-01')::BIGINT";
                case TIMESTAMP -> "epoch_us(" + col + ")";
                case REAL, DOUBLE -> col + "::DOUBLE";
                case INTERVAL -> "datepart('year', " + col + ") * 12 + datepart('month', " + col + ") || 'm' || datepart('day', " + col
                        + ") || 'd' || (datepart('hour', " + col + ") * 3600000000 + datepart('minute', " + col
                        + ") * 60000000 + datepart('microseconds', " + col + ")) || 'us'";
                default -> col + "::VARCHAR";
            });
        }
        sql.append(" FROM read_parquet('").append(p).append("')");
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) b.append('|');
                    LogicalType t = types.get(i);
                    if (t.id() == dev.mallard.types.TypeId.REAL || t.id() == dev.mallard.types.TypeId.DOUBLE) {
                        double d = rs.getDouble(i + 1);
                        b.append(rs.wasNull() ? "null" : Double.toString(d));
                    } else {
                        String v = rs.getString(i + 1);
                        b.append(v == null ? "null" : v);
                    }
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}

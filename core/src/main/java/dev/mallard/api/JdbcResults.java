package dev.mallard.api;

import dev.mallard.MallardException;
import dev.mallard.engine.MaterializedResult;
import dev.mallard.engine.QueryResult;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC {@link ResultSet} (of Mallard's driver or another database's) as a {@link Result}, read
 * chunk by chunk as the caller consumes it, so rows of PostgreSQL and of Mallard come back through
 * one mapping (records, POJOs, maps, scalars). Column types are reduced to the ones the lazy table
 * API stores: integers as BIGINT, floating point as DOUBLE, exact numbers as DECIMAL when their
 * precision is known (DOUBLE otherwise), dates, timestamps (with a zone: as UTC), and text for the
 * rest (JSON included).
 */
public final class JdbcResults {
    private JdbcResults() {}

    /** The rows of {@code rs}; {@code onClose} runs once when they are read to the end or the result is closed. */
    public static Result read(ResultSet rs, Runnable onClose) throws SQLException {
        return new Result(new Rows(rs, onClose));
    }

    /** All rows of {@code rs}, read now (the caller closes {@code rs}): for results that must outlive their connection's turn. */
    public static Result readAll(ResultSet rs) throws SQLException {
        Rows rows = new Rows(rs, () -> { });
        List<Object[]> all = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[rows.kinds.size()];
            for (int c = 0; c < row.length; c++) row[c] = rows.physical(c);
            all.add(row);
        }
        return new Result(new MaterializedResult(rows.names, rows.types, all));
    }

    /** The one-row {@code count} result of a statement that returns no rows. */
    public static Result count(long changed) {
        return new Result(new MaterializedResult(List.of("count"), List.of(LogicalType.BIGINT), List.<Object[]>of(new Object[] {changed})));
    }

    /** A result with no rows and no columns (a read of a table that does not exist yet). */
    public static Result empty() {
        return new Result(new MaterializedResult(List.of(), List.of(), List.of()));
    }

    private enum Kind { BOOLEAN, BIGINT, DOUBLE, DECIMAL, TEXT, DATE, TIMESTAMP, TIMESTAMP_ZONED }

    private static final class Rows implements QueryResult {
        private final ResultSet rs;
        private final Runnable onClose;
        private final List<String> names = new ArrayList<>();
        private final List<LogicalType> types = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private DataChunk chunk;
        private boolean closed;

        Rows(ResultSet rs, Runnable onClose) throws SQLException {
            this.rs = rs;
            this.onClose = onClose;
            ResultSetMetaData md = rs.getMetaData();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                names.add(md.getColumnLabel(c));
                Kind kind = kind(md.getColumnType(c), md.getPrecision(c), md.getScale(c));
                kinds.add(kind);
                types.add(switch (kind) {
                    case BOOLEAN -> LogicalType.BOOLEAN;
                    case BIGINT -> LogicalType.BIGINT;
                    case DOUBLE -> LogicalType.DOUBLE;
                    case DECIMAL -> LogicalType.decimal(md.getPrecision(c), md.getScale(c));
                    case TEXT -> LogicalType.VARCHAR;
                    case DATE -> LogicalType.DATE;
                    case TIMESTAMP, TIMESTAMP_ZONED -> LogicalType.TIMESTAMP;
                });
            }
        }

        private static Kind kind(int jdbcType, int precision, int scale) {
            return switch (jdbcType) {
                case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.BIGINT;
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.DOUBLE;
                case Types.NUMERIC, Types.DECIMAL -> precision >= 1 && precision <= LogicalType.MAX_DECIMAL_PRECISION
                        && scale >= 0 && scale <= precision ? Kind.DECIMAL : Kind.DOUBLE;
                case Types.DATE -> Kind.DATE;
                case Types.TIMESTAMP -> Kind.TIMESTAMP;
                case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_ZONED;
                default -> Kind.TEXT;
            };
        }

        @Override
        public List<String> columnNames() {
            return names;
        }

        @Override
        public List<LogicalType> columnTypes() {
            return types;
        }

        @Override
        public DataChunk next() {
            if (closed) return null;
            try {
                if (chunk == null) chunk = new DataChunk(types);
                chunk.reset();
                int n = 0;
                while (n < Vector.DEFAULT_CAPACITY && rs.next()) {
                    for (int c = 0; c < kinds.size(); c++) chunk.column(c).setObject(n, physical(c));
                    n++;
                }
                if (n == 0) {
                    close();
                    return null;
                }
                chunk.setCount(n);
                return chunk;
            } catch (SQLException e) {
                close();
                throw new MallardException(e.getSQLState() == null ? "58000" : e.getSQLState(), e.getMessage(), e);
            }
        }

        /** Column {@code c} of the current row in the engine's physical form (see {@link Values}). */
        private Object physical(int c) throws SQLException {
            int i = c + 1;
            Object value = switch (kinds.get(c)) {
                case BOOLEAN -> rs.getBoolean(i);
                case BIGINT -> rs.getLong(i);
                case DOUBLE -> rs.getDouble(i);
                case DECIMAL -> rs.getBigDecimal(i);
                case TEXT -> rs.getString(i);
                case DATE -> rs.getObject(i, LocalDate.class);
                case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
                case TIMESTAMP_ZONED -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    yield t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
                }
            };
            if (value == null || rs.wasNull()) return null;
            if (value instanceof BigDecimal d) {
                LogicalType t = types.get(c);
                var unscaled = d.setScale(t.scale(), RoundingMode.HALF_EVEN).unscaledValue();
                return t.precision() <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? (Object) unscaled.longValueExact() : unscaled;
            }
            return Values.fromJava(value).value();
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            try {
                rs.close();
            } catch (SQLException e) {
                // the rows are being released; nothing is lost
            } finally {
                onClose.run();
            }
        }
    }
}

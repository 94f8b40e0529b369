package dev.mallard.jdbc;

import dev.mallard.engine.ChunkCollection;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Appends rows to one table without SQL: values go straight into vectors of the table's column
 * types, and every {@link #FLUSH_ROWS} rows (and at {@link #flush} / {@link #close}) the buffer
 * is inserted as one statement, with the same constraint checks as INSERT. The fastest way to
 * load data from Java (DuckDB's appender has the same shape).
 *
 * <pre>{@code
 * try (MallardAppender a = connection.createAppender("main", "people")) {
 *     a.beginRow(); a.append("Ann"); a.append(37); a.endRow();
 * }
 * }</pre>
 *
 * Values are converted to the column's type as an INSERT would cast them; a value that does not
 * fit fails the append call with the column named, and the row in progress is discarded.
 */
public final class MallardAppender implements AutoCloseable {
    /** Rows buffered before a flush: large enough to amortize the statement, small enough to bound memory. */
    static final int FLUSH_ROWS = 100_000;

    private final MallardConnection connection;
    private final String schema;
    private final String table;
    private final List<LogicalType> types;
    private ChunkCollection buffer;
    private DataChunk chunk;
    private int row;
    private int column = -1;
    private boolean closed;

    MallardAppender(MallardConnection connection, String schema, String table) throws SQLException {
        this.connection = connection;
        this.schema = schema;
        this.table = table;
        this.types = connection.tableTypes(schema, table);
        this.buffer = new ChunkCollection(types);
        this.chunk = new DataChunk(types);
    }

    /** Starts a row; every column must then get one append before {@link #endRow}. */
    public void beginRow() throws SQLException {
        checkOpen();
        if (column >= 0) throw new SQLException("beginRow called twice: the previous row was not ended", "HY010");
        column = 0;
    }

    /** Ends the row; it becomes part of the next flush. */
    public void endRow() throws SQLException {
        checkInRow();
        if (column != types.size()) {
            throw new SQLException("row ended after " + column + " of " + types.size() + " columns of " + table, "22023");
        }
        column = -1;
        row++;
        if (row == Vector.DEFAULT_CAPACITY) {
            chunk.setCount(row);
            buffer.adopt(chunk);
            chunk = new DataChunk(types);
            row = 0;
            if (buffer.rowCount() >= FLUSH_ROWS) flush();
        }
    }

    public void append(long value) throws SQLException {
        Vector v = next();
        if (v.physicalType() == PhysicalType.INT64 && isInteger(v.type())) {
            v.setNull(row, false);
            v.longs[row] = value;
        } else {
            set(v, value);
        }
    }

    public void append(int value) throws SQLException {
        Vector v = next();
        if (v.type().id() == TypeId.INTEGER) {
            v.setNull(row, false);
            v.ints[row] = value;
        } else if (v.physicalType() == PhysicalType.INT64 && isInteger(v.type())) {
            v.setNull(row, false);
            v.longs[row] = value;
        } else {
            set(v, value);
        }
    }

    public void append(double value) throws SQLException {
        Vector v = next();
        if (v.type().id() == TypeId.DOUBLE) {
            v.setNull(row, false);
            v.doubles[row] = value;
        } else {
            set(v, value);
        }
    }

    public void append(String value) throws SQLException {
        Vector v = next();
        if (value != null && v.type().id() == TypeId.VARCHAR) {
            v.setNull(row, false);
            v.strings[row] = value;
        } else {
            set(v, value);
        }
    }

    public void append(BigDecimal value) throws SQLException {
        Vector v = next();
        LogicalType t = v.type();
        if (value != null && t.id() == TypeId.DECIMAL && t.physicalType() == PhysicalType.INT64) {
            BigDecimal scaled = value.setScale(t.scale(), RoundingMode.HALF_UP);
            if (scaled.precision() - scaled.scale() <= t.precision() - t.scale() && scaled.precision() <= 18) {
                v.setNull(row, false);
                v.longs[row] = scaled.unscaledValue().longValue();
                return;
            }
        }
        set(v, value);
    }

    public void append(LocalDate value) throws SQLException {
        Vector v = next();
        if (value != null && v.type().id() == TypeId.DATE) {
            v.setNull(row, false);
            v.ints[row] = Math.toIntExact(value.toEpochDay());
        } else {
            set(v, value);
        }
    }

    /** Any value JDBC's setObject accepts, cast to the column's type. */
    public void append(Object value) throws SQLException {
        set(next(), value);
    }

    public void appendNull() throws SQLException {
        next().setNull(row);
    }

    /** Inserts the buffered rows now, as one statement. */
    public void flush() throws SQLException {
        checkOpen();
        if (row > 0 && column < 0) {
            chunk.setCount(row);
            buffer.adopt(chunk);
            chunk = new DataChunk(types);
            row = 0;
        }
        if (buffer.rowCount() == 0) return;
        ChunkCollection rows = buffer;
        buffer = new ChunkCollection(types);
        connection.append(schema, table, null, rows);
    }

    /** Flushes, then releases the appender; a row left unfinished is dropped. */
    @Override
    public void close() throws SQLException {
        if (closed) return;
        column = -1;
        try {
            flush();
        } finally {
            closed = true;
        }
    }

    private Vector next() throws SQLException {
        checkInRow();
        if (column >= types.size()) {
            throw new SQLException("too many values in the row: " + table + " has " + types.size() + " columns", "22023");
        }
        return chunk.column(column++);
    }

    /** The general path: the value as its own SQL type, then cast like an INSERT would. */
    private void set(Vector v, Object value) throws SQLException {
        try {
            JavaValueCast.set(v, row, value);
        } catch (RuntimeException e) {
            int failed = column; // 1-based: next() has moved past it
            column = -1;
            SQLException x = SqlExceptions.of(e);
            throw new SQLException("cannot append to column " + failed + " of " + table + ": " + x.getMessage(), x.getSQLState(), e);
        }
    }

    private static boolean isInteger(LogicalType t) {
        return t.id() == TypeId.BIGINT;
    }

    private void checkInRow() throws SQLException {
        checkOpen();
        if (column < 0) throw new SQLException("append called outside a row: call beginRow first", "HY010");
    }

    private void checkOpen() throws SQLException {
        if (closed) throw new SQLException("appender is closed", "HY010");
        connection.checkOpen();
    }
}

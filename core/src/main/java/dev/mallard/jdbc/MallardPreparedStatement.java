package dev.mallard.jdbc;

import dev.mallard.MallardException;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.StatementResult;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A statement parsed once ({@link PreparedQuery}) and executed with {@code ?} parameters bound each
 * time. Setters store Java values of the kinds {@link Values#fromJava} accepts; the engine types
 * each parameter from its value at execution.
 */
final class MallardPreparedStatement extends MallardStatement implements PreparedStatement {
    private final String sql;
    private final PreparedQuery query;
    private final Object[] parameters;
    private final boolean[] bound;
    private final List<Object[]> batchRows = new ArrayList<>();
    private ResultSetMetaData metaData;

    MallardPreparedStatement(MallardConnection connection, String sql) throws SQLException {
        super(connection);
        if (sql == null) throw new SQLException("SQL must not be null", "HY009");
        this.sql = sql;
        synchronized (connection.lock()) {
            try {
                this.query = connection.context().prepare(sql);
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
        }
        this.parameters = new Object[query.parameterCount()];
        this.bound = new boolean[parameters.length];
    }

    // ---- execution ----------------------------------------------------------------------------

    private List<Object> boundParameters() throws SQLException {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) throw new SQLException("no value bound for parameter " + (i + 1) + " of " + bound.length, "07001");
        }
        // Arrays.asList, not List.of: parameters may be null.
        return Arrays.asList(parameters.clone());
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        List<Object> values = boundParameters();
        return run(() -> query.execute(values));
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (!query.returnsRows()) throw new SQLException("the statement does not return rows; use executeUpdate() or execute()", "02000");
        return queryResult(execute());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return toIntCount(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        if (query.returnsRows()) throw new SQLException("the statement returns rows; use executeQuery() or execute()", "0100E");
        return updateResult(execute());
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batchRows.add(boundParameters().toArray());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batchRows.clear();
    }

    /**
     * Runs the statement once per batched row. Callers only see the counts, so a bulk path (one
     * engine call binding many rows, e.g. an INSERT appending a whole chunk) can replace this loop.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        if (query.returnsRows() && !batchRows.isEmpty()) {
            batchRows.clear();
            throw new java.sql.BatchUpdateException("a statement that returns rows cannot be batched", "0100E", 0, new long[0], null);
        }
        List<Object[]> rows = List.copyOf(batchRows);
        batchRows.clear();
        if (rows.size() > 1 && query.batchable()) {
            // One engine call for the whole batch: it is written entirely or not at all.
            List<List<Object>> values = new java.util.ArrayList<>(rows.size());
            for (Object[] r : rows) values.add(Arrays.asList(r));
            try {
                run(() -> new dev.mallard.engine.UpdateResult(query.executeBatch(values)));
            } catch (SQLException e) {
                throw new java.sql.BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), new long[0], e);
            }
            long[] counts = new long[rows.size()];
            Arrays.fill(counts, 1);
            return counts;
        }
        long[] counts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            List<Object> values = Arrays.asList(rows.get(i));
            counts[i] = batchItem(i, counts, () -> run(() -> query.execute(values)));
        }
        return counts;
    }

    // SQL text cannot be run through a PreparedStatement (JDBC requires these to fail).
    private static SQLException textNotAllowed() {
        return new SQLException("this method takes SQL text and cannot be called on a PreparedStatement", "HY000");
    }

    @Override public boolean execute(String sql) throws SQLException { throw textNotAllowed(); }
    @Override public ResultSet executeQuery(String sql) throws SQLException { throw textNotAllowed(); }
    @Override public int executeUpdate(String sql) throws SQLException { throw textNotAllowed(); }
    @Override public long executeLargeUpdate(String sql) throws SQLException { throw textNotAllowed(); }
    @Override public boolean execute(String sql, int autoGeneratedKeys) throws SQLException { throw textNotAllowed(); }
    @Override public boolean execute(String sql, int[] columnIndexes) throws SQLException { throw textNotAllowed(); }
    @Override public boolean execute(String sql, String[] columnNames) throws SQLException { throw textNotAllowed(); }
    @Override public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException { throw textNotAllowed(); }
    @Override public int executeUpdate(String sql, int[] columnIndexes) throws SQLException { throw textNotAllowed(); }
    @Override public int executeUpdate(String sql, String[] columnNames) throws SQLException { throw textNotAllowed(); }
    @Override public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException { throw textNotAllowed(); }
    @Override public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException { throw textNotAllowed(); }
    @Override public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException { throw textNotAllowed(); }
    @Override public void addBatch(String sql) throws SQLException { throw textNotAllowed(); }

    // ---- metadata -------------------------------------------------------------------------------

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new MallardParameterMetaData(parameters.length);
    }

    /**
     * The result's columns, learned without running the query: {@code DESCRIBE} binds it with
     * NULL parameters (so a column that is just a parameter reports type NULL). Null when the
     * statement returns no rows or cannot be described that way.
     */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData != null) return metaData;
        if (!query.returnsRows()) return null;
        String body = sql.strip();
        while (body.endsWith(";")) body = body.substring(0, body.length() - 1).strip();
        StatementResult r;
        synchronized (connection.lock()) {
            connection.beforeStatement();
            try {
                r = connection.context().prepare("DESCRIBE " + body).execute(Collections.nCopies(parameters.length, null));
            } catch (RuntimeException e) {
                return null; // not describable this way (e.g. EXPLAIN, or DML with RETURNING)
            }
        }
        if (!(r instanceof QueryResult q)) return null;
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        try (MallardResultSet rows = new MallardResultSet(null, connection.lock(), q, 0, 0)) {
            while (rows.next()) {
                names.add(rows.getString(1));
                LogicalType t = JdbcTypes.parse(rows.getString(2));
                types.add(t == null ? LogicalType.NULL : t);
            }
        }
        metaData = new MallardResultSetMetaData(names, types);
        return metaData;
    }

    // ---- binding --------------------------------------------------------------------------------

    private void bind(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException("parameter index " + index + " is out of range (1.." + parameters.length + ")", "07009");
        }
        parameters[index - 1] = value;
        bound[index - 1] = true;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, null);
        Arrays.fill(bound, false);
    }

    @Override public void setNull(int index, int sqlType) throws SQLException { bind(index, null); }
    @Override public void setNull(int index, int sqlType, String typeName) throws SQLException { bind(index, null); }
    @Override public void setBoolean(int index, boolean x) throws SQLException { bind(index, x); }
    @Override public void setByte(int index, byte x) throws SQLException { bind(index, x); }
    @Override public void setShort(int index, short x) throws SQLException { bind(index, x); }
    @Override public void setInt(int index, int x) throws SQLException { bind(index, x); }
    @Override public void setLong(int index, long x) throws SQLException { bind(index, x); }
    @Override public void setFloat(int index, float x) throws SQLException { bind(index, x); }
    @Override public void setDouble(int index, double x) throws SQLException { bind(index, x); }
    @Override public void setBigDecimal(int index, BigDecimal x) throws SQLException { bind(index, x); }
    @Override public void setString(int index, String x) throws SQLException { bind(index, x); }
    @Override public void setNString(int index, String x) throws SQLException { bind(index, x); }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        bind(index, x == null ? null : x.toLocalDate());
    }

    /** No TIME type yet: a time binds as a TIMESTAMP on 1970-01-01, the day java.sql.Time itself uses. */
    @Override
    public void setTime(int index, Time x) throws SQLException {
        bind(index, x == null ? null : LocalDateTime.of(LocalDate.EPOCH, x.toLocalTime()));
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        bind(index, x == null ? null : x.toLocalDateTime());
    }

    /** The calendar variants write the wall-clock time the instant has in the calendar's zone. */
    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setDate(index, x);
            return;
        }
        bind(index, Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate());
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setTime(index, x);
            return;
        }
        bind(index, LocalDateTime.of(LocalDate.EPOCH,
                Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime()));
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            setTimestamp(index, x);
            return;
        }
        bind(index, LocalDateTime.ofInstant(x.toInstant(), cal.getTimeZone().toZoneId()));
    }

    /** Any value {@link Values#fromJava} accepts; anything else fails here rather than at execution. */
    @Override
    public void setObject(int index, Object x) throws SQLException {
        if (x instanceof Time t) {
            setTime(index, t);
            return;
        }
        if (x instanceof java.sql.Date d) {
            setDate(index, d);
            return;
        }
        if (x instanceof Timestamp t) {
            setTimestamp(index, t);
            return;
        }
        try {
            Values.fromJava(x);
        } catch (MallardException e) {
            throw SqlExceptions.of(e);
        }
        bind(index, x);
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        setObject(index, x, targetSqlType, -1);
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, ValueConversions.toParameter(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
        setObject(index, x, targetSqlType, -1);
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        if (!(targetSqlType instanceof JDBCType)) throw SqlExceptions.unsupported("SQL type " + targetSqlType);
        setObject(index, x, targetSqlType.getVendorTypeNumber(), scaleOrLength);
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        bind(index, reader == null ? null : readAll(reader, -1));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        bind(index, reader == null ? null : readAll(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        bind(index, reader == null ? null : readAll(reader, Math.toIntExact(length)));
    }

    @Override public void setNCharacterStream(int index, Reader reader) throws SQLException { setCharacterStream(index, reader); }
    @Override public void setNCharacterStream(int index, Reader reader, long length) throws SQLException { setCharacterStream(index, reader, length); }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        bind(index, x == null ? null : readAscii(x, -1));
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
        bind(index, x == null ? null : readAscii(x, length));
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
        bind(index, x == null ? null : readAscii(x, Math.toIntExact(length)));
    }

    private static String readAll(Reader reader, int length) throws SQLException {
        try {
            if (length < 0) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = reader.read(buf)) >= 0; ) sb.append(buf, 0, n);
                return sb.toString();
            }
            char[] buf = new char[length];
            int off = 0;
            for (int n; off < length && (n = reader.read(buf, off, length - off)) >= 0; ) off += n;
            return new String(buf, 0, off);
        } catch (IOException e) {
            throw new SQLException("could not read the parameter's stream: " + e.getMessage(), "22000", e);
        }
    }

    private static String readAscii(InputStream in, int length) throws SQLException {
        try {
            byte[] bytes = length < 0 ? in.readAllBytes() : in.readNBytes(length);
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SQLException("could not read the parameter's stream: " + e.getMessage(), "22000", e);
        }
    }

    @Override public void setURL(int index, URL x) throws SQLException { bind(index, x == null ? null : x.toString()); }

    // Types Mallard does not have yet.
    @Override public void setBytes(int index, byte[] x) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override public void setBinaryStream(int index, InputStream x) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override public void setBinaryStream(int index, InputStream x, int length) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override public void setBinaryStream(int index, InputStream x, long length) throws SQLException { throw SqlExceptions.unsupported("binary values (BLOB)"); }
    @Override @Deprecated public void setUnicodeStream(int index, InputStream x, int length) throws SQLException { throw SqlExceptions.unsupported("setUnicodeStream"); }
    @Override public void setBlob(int index, Blob x) throws SQLException { throw SqlExceptions.unsupported("BLOB"); }
    @Override public void setBlob(int index, InputStream x) throws SQLException { throw SqlExceptions.unsupported("BLOB"); }
    @Override public void setBlob(int index, InputStream x, long length) throws SQLException { throw SqlExceptions.unsupported("BLOB"); }
    @Override public void setClob(int index, Clob x) throws SQLException { throw SqlExceptions.unsupported("CLOB"); }
    @Override public void setClob(int index, Reader x) throws SQLException { throw SqlExceptions.unsupported("CLOB"); }
    @Override public void setClob(int index, Reader x, long length) throws SQLException { throw SqlExceptions.unsupported("CLOB"); }
    @Override public void setNClob(int index, NClob x) throws SQLException { throw SqlExceptions.unsupported("NCLOB"); }
    @Override public void setNClob(int index, Reader x) throws SQLException { throw SqlExceptions.unsupported("NCLOB"); }
    @Override public void setNClob(int index, Reader x, long length) throws SQLException { throw SqlExceptions.unsupported("NCLOB"); }
    @Override public void setArray(int index, Array x) throws SQLException { throw SqlExceptions.unsupported("ARRAY"); }
    @Override public void setRef(int index, Ref x) throws SQLException { throw SqlExceptions.unsupported("REF"); }
    @Override public void setRowId(int index, RowId x) throws SQLException { throw SqlExceptions.unsupported("ROWID"); }
    @Override public void setSQLXML(int index, SQLXML x) throws SQLException { throw SqlExceptions.unsupported("SQLXML"); }
}

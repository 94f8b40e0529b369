package dev.mallard.jdbc;

import dev.mallard.engine.QueryResult;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only cursor over a {@link QueryResult}, one chunk at a time. Values are read
 * from the current chunk in physical form and converted with {@link Values}, so JDBC shows every
 * value exactly as the shell and CAST do.
 *
 * <p>Fetching the next chunk runs engine code, so it takes the connection's lock like statement
 * execution does; reading values from the current chunk does not.
 */
final class MallardResultSet extends ReadOnlyResultSet {
    private final MallardStatement statement;
    private final Object lock;
    private final QueryResult result;
    private final List<String> names;
    private final List<LogicalType> types;
    private final long maxRows;
    private final int maxFieldSize;
    private Map<String, Integer> columnIndexes;

    private DataChunk chunk;
    /** Index of the current row within {@link #chunk}; -1 before the chunk's first row. */
    private int position = -1;
    private long row;
    private boolean exhausted;
    private boolean closed;
    private boolean wasNull;
    private int fetchSize;

    /**
     * Fetches the first chunk right away, so the work of a query happens inside {@code execute}
     * (under the statement's timeout and cancel) rather than on the first {@code next()}.
     *
     * @param statement the statement that produced the rows, or null for metadata results
     * @param lock serializes chunk fetches with statements on the same connection
     * @param maxRows stop after this many rows (0: all)
     * @param maxFieldSize truncate VARCHAR values to this many characters (0: no limit)
     */
    MallardResultSet(MallardStatement statement, Object lock, QueryResult result, long maxRows, int maxFieldSize)
            throws SQLException {
        this.statement = statement;
        this.lock = lock;
        this.result = result;
        this.names = result.columnNames();
        this.types = result.columnTypes();
        this.maxRows = maxRows;
        this.maxFieldSize = maxFieldSize;
        try {
            fetch();
        } catch (SQLException | RuntimeException e) {
            result.close();
            throw e;
        }
    }

    List<String> columnNames() {
        return names;
    }

    List<LogicalType> columnTypes() {
        return types;
    }

    private void fetch() throws SQLException {
        synchronized (lock) {
            // The first fetch runs inside the statement's execution; later ones mark it running
            // themselves, so Statement.cancel() also stops a slow chunk.
            boolean later = statement != null && chunk != null;
            if (later) statement.setExecuting(true);
            try {
                chunk = result.next();
            } catch (RuntimeException e) {
                throw statement == null ? SqlExceptions.of(e) : statement.translate(e);
            } finally {
                if (later) statement.setExecuting(false);
            }
        }
        position = -1;
        if (chunk == null) finish();
    }

    /** No more rows: release the engine's resources now rather than at close(). */
    private void finish() {
        exhausted = true;
        chunk = null;
        synchronized (lock) {
            result.close();
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (exhausted) return false;
        if (maxRows > 0 && row >= maxRows) {
            finish();
            row++;
            return false;
        }
        position++;
        while (chunk != null && position >= chunk.count()) {
            fetch();
            position = 0;
        }
        if (exhausted) {
            row++;
            return false;
        }
        row++;
        return true;
    }

    @Override
    public void close() throws SQLException {
        if (closed) return;
        closed = true;
        if (!exhausted) finish();
        if (statement != null) statement.resultClosed(this);
    }

    /** Closed without telling the statement (the statement is closing it). */
    void closeQuietly() {
        if (closed) return;
        closed = true;
        if (!exhausted) finish();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.resultSetClosed();
        if (statement != null && statement.connectionClosed()) throw SqlExceptions.connectionClosed();
    }

    private boolean onRow() {
        return !exhausted && chunk != null && position >= 0;
    }

    // ---- value access ---------------------------------------------------------------------------

    private void checkColumn(int column) throws SQLException {
        if (column < 1 || column > types.size()) {
            throw new SQLException("column index " + column + " is out of range (1.." + types.size() + ")", "07009");
        }
    }

    /** The value in physical form; sets {@link #wasNull}. */
    private Object physical(int column) throws SQLException {
        checkOpen();
        checkColumn(column);
        if (!onRow()) throw new SQLException("no current row: call next() first" + (exhausted ? " (all rows have been read)" : ""), "24000");
        Object v = chunk.getObject(column - 1, position);
        wasNull = v == null;
        return v;
    }

    /** The value as {@link Values#toJava} gives it, or null. */
    private Object value(int column) throws SQLException {
        Object p = physical(column);
        return p == null ? null : Values.toJava(types.get(column - 1), p);
    }

    private String truncate(String s) {
        return maxFieldSize > 0 && s != null && s.length() > maxFieldSize ? s.substring(0, maxFieldSize) : s;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int column) throws SQLException {
        Object p = physical(column);
        return p == null ? null : truncate(Values.toText(types.get(column - 1), p));
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = value(column);
        return v != null && ValueConversions.toBoolean(v);
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.toByte(v);
    }

    @Override
    public short getShort(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.toShort(v);
    }

    @Override
    public int getInt(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.toInt(v);
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.toLong(v);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.toFloat(v);
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.toDouble(v);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : ValueConversions.toBigDecimal(v);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(column);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Date.valueOf(ValueConversions.toLocalDate(v));
    }

    @Override
    public Time getTime(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Time.valueOf(ValueConversions.toLocalTime(v));
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Timestamp.valueOf(ValueConversions.toLocalDateTime(v));
    }

    /** The calendar variants read the zone-less value as a wall-clock time in the calendar's zone. */
    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        if (cal == null) return getDate(column);
        Object v = value(column);
        if (v == null) return null;
        LocalDate d = ValueConversions.toLocalDate(v);
        return new Date(d.atStartOfDay(zone(cal)).toInstant().toEpochMilli());
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        if (cal == null) return getTime(column);
        Object v = value(column);
        if (v == null) return null;
        LocalDateTime t = LocalDateTime.of(LocalDate.EPOCH, ValueConversions.toLocalTime(v));
        return new Time(t.atZone(zone(cal)).toInstant().toEpochMilli());
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        if (cal == null) return getTimestamp(column);
        Object v = value(column);
        if (v == null) return null;
        return Timestamp.from(ValueConversions.toLocalDateTime(v).atZone(zone(cal)).toInstant());
    }

    private static ZoneId zone(Calendar cal) {
        return cal.getTimeZone().toZoneId();
    }

    @Override
    public Object getObject(int column) throws SQLException {
        Object v = value(column);
        return v instanceof String s ? truncate(s) : v;
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        if (type == null) throw new SQLException("type must not be null", "HY009");
        if (type == String.class) return type.cast(getString(column));
        Object v = value(column);
        if (v == null) {
            if (type.isPrimitive()) throw SqlExceptions.conversion("NULL cannot be read as " + type.getName());
            return null;
        }
        @SuppressWarnings("unchecked")
        T t = (T) ValueConversions.convert(v, type);
        return t;
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
        if (map == null || map.isEmpty()) return getObject(column);
        throw SqlExceptions.unsupported("custom type maps");
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return getCharacterStream(column);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public URL getURL(int column) throws SQLException {
        String s = getString(column);
        if (s == null) return null;
        try {
            return URI.create(s.trim()).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new SQLException("not a URL: " + s, "22018", e);
        }
    }

    // ---- by label -------------------------------------------------------------------------------

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (columnIndexes == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = names.size() - 1; i >= 0; i--) m.put(names.get(i).toLowerCase(Locale.ROOT), i + 1);
            columnIndexes = m;
        }
        Integer i = label == null ? null : columnIndexes.get(label.toLowerCase(Locale.ROOT));
        if (i == null) throw new SQLException("no column named \"" + label + "\" in the result (columns: " + names + ")", "42703");
        return i;
    }

    @Override public String getString(String label) throws SQLException { return getString(findColumn(label)); }
    @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(findColumn(label)); }
    @Override public byte getByte(String label) throws SQLException { return getByte(findColumn(label)); }
    @Override public short getShort(String label) throws SQLException { return getShort(findColumn(label)); }
    @Override public int getInt(String label) throws SQLException { return getInt(findColumn(label)); }
    @Override public long getLong(String label) throws SQLException { return getLong(findColumn(label)); }
    @Override public float getFloat(String label) throws SQLException { return getFloat(findColumn(label)); }
    @Override public double getDouble(String label) throws SQLException { return getDouble(findColumn(label)); }
    @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(findColumn(label)); }
    @Override @Deprecated public BigDecimal getBigDecimal(String label, int scale) throws SQLException { return getBigDecimal(findColumn(label), scale); }
    @Override public Date getDate(String label) throws SQLException { return getDate(findColumn(label)); }
    @Override public Time getTime(String label) throws SQLException { return getTime(findColumn(label)); }
    @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(findColumn(label)); }
    @Override public Date getDate(String label, Calendar cal) throws SQLException { return getDate(findColumn(label), cal); }
    @Override public Time getTime(String label, Calendar cal) throws SQLException { return getTime(findColumn(label), cal); }
    @Override public Timestamp getTimestamp(String label, Calendar cal) throws SQLException { return getTimestamp(findColumn(label), cal); }
    @Override public Object getObject(String label) throws SQLException { return getObject(findColumn(label)); }
    @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(findColumn(label), type); }
    @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException { return getObject(findColumn(label), map); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return getNCharacterStream(findColumn(label)); }
    @Override public String getNString(String label) throws SQLException { return getNString(findColumn(label)); }
    @Override public InputStream getAsciiStream(String label) throws SQLException { return getAsciiStream(findColumn(label)); }
    @Override public URL getURL(String label) throws SQLException { return getURL(findColumn(label)); }

    // ---- cursor state and properties -----------------------------------------------------------

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow() ? (int) Math.min(row, Integer.MAX_VALUE) : 0;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && !exhausted;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return exhausted && row > 1;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow() && row == 1;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new MallardResultSetMetaData(names, types);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) throw SqlExceptions.unsupported("fetch directions other than FETCH_FORWARD");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /** A hint only: rows arrive in engine chunks (2048 rows) whatever the fetch size. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) throw new SQLException("fetch size must be >= 0, got " + rows, "22023");
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.engine.MaterializedResult;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ResultSet getters and metadata over fixed rows (no engine needed). */
class ResultSetGettersTest {
    private static final List<String> NAMES = List.of("b", "ti", "si", "i", "bi", "r", "d", "dec", "big", "s", "dt", "ts", "iv", "n");
    private static final List<LogicalType> TYPES = List.of(LogicalType.BOOLEAN, LogicalType.TINYINT, LogicalType.SMALLINT,
            LogicalType.INTEGER, LogicalType.BIGINT, LogicalType.REAL, LogicalType.DOUBLE, LogicalType.decimal(10, 2),
            LogicalType.decimal(38, 10), LogicalType.VARCHAR, LogicalType.DATE, LogicalType.TIMESTAMP, LogicalType.INTERVAL,
            LogicalType.INTEGER);
    private static final LocalDate DATE = LocalDate.of(2024, 1, 31);
    private static final LocalDateTime TS = LocalDateTime.of(2024, 1, 31, 12, 34, 56, 789_000_000);
    private static final Interval INTERVAL = new Interval(1, 2, 3_000_000);
    private static final BigInteger BIG = new BigInteger("123456789012345678901234567890");

    /** Physical forms, as vectors hold them. */
    private static Object[] fullRow() {
        return new Object[] {true, 7, -300, 42, 5_000_000_000L, 1.5, 2.25, 12345L, BIG, "17", (int) DATE.toEpochDay(),
                Values.fromJava(TS).value(), INTERVAL, null};
    }

    private static ResultSet resultSet(List<Object[]> rows, long maxRows) throws SQLException {
        return new MallardResultSet(null, new Object(), new MaterializedResult(NAMES, TYPES, rows), maxRows, 0);
    }

    private static ResultSet oneRow() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        rows.add(fullRow());
        rows.add(new Object[NAMES.size()]);
        ResultSet rs = resultSet(rows, 0);
        assertThat(rs.next()).isTrue();
        return rs;
    }

    @Test
    void getObjectGivesJavaTypes() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.getObject("b")).isEqualTo(true);
        assertThat(rs.getObject("ti")).isEqualTo((byte) 7);
        assertThat(rs.getObject("si")).isEqualTo((short) -300);
        assertThat(rs.getObject("i")).isEqualTo(42);
        assertThat(rs.getObject("bi")).isEqualTo(5_000_000_000L);
        assertThat(rs.getObject("r")).isEqualTo(1.5f);
        assertThat(rs.getObject("d")).isEqualTo(2.25);
        assertThat(rs.getObject("dec")).isEqualTo(new BigDecimal("123.45"));
        assertThat(rs.getObject("big")).isEqualTo(new BigDecimal(BIG, 10));
        assertThat(rs.getObject("s")).isEqualTo("17");
        assertThat(rs.getObject("dt")).isEqualTo(DATE);
        assertThat(rs.getObject("ts")).isEqualTo(TS);
        assertThat(rs.getObject("iv")).isEqualTo(INTERVAL);
        assertThat(rs.getObject("n")).isNull();
        assertThat(rs.wasNull()).isTrue();
    }

    @Test
    void getStringIsTheTextForm() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.getString(1)).isEqualTo("true");
        assertThat(rs.getString("ti")).isEqualTo("7");
        assertThat(rs.getString("bi")).isEqualTo("5000000000");
        assertThat(rs.getString("r")).isEqualTo("1.5");
        assertThat(rs.getString("dec")).isEqualTo("123.45");
        assertThat(rs.getString("big")).isEqualTo("12345678901234567890.1234567890");
        assertThat(rs.getString("dt")).isEqualTo("2024-01-31");
        assertThat(rs.getString("ts")).isEqualTo("2024-01-31 12:34:56.789");
        assertThat(rs.getString("iv")).isEqualTo(Values.toText(LogicalType.INTERVAL, INTERVAL));
        assertThat(rs.getString("n")).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getString("s")).isEqualTo("17");
        assertThat(rs.wasNull()).isFalse();
    }

    @Test
    void numericGettersConvert() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.getInt("ti")).isEqualTo(7);
        assertThat(rs.getByte("ti")).isEqualTo((byte) 7);
        assertThat(rs.getLong("i")).isEqualTo(42L);
        assertThat(rs.getShort("i")).isEqualTo((short) 42);
        assertThat(rs.getInt("dec")).isEqualTo(123);
        assertThat(rs.getDouble("dec")).isEqualTo(123.45);
        assertThat(rs.getFloat("d")).isEqualTo(2.25f);
        assertThat(rs.getBigDecimal("d")).isEqualByComparingTo("2.25");
        assertThat(rs.getBigDecimal("i")).isEqualByComparingTo("42");
        assertThat(rs.getInt("s")).isEqualTo(17);
        assertThat(rs.getDouble("s")).isEqualTo(17.0);
        assertThat(rs.getInt("b")).isEqualTo(1);
        assertThat(rs.getBoolean("i")).isTrue();
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getLong("r")).isEqualTo(1L);
        assertThat(rs.getInt("n")).isZero();
        assertThat(rs.wasNull()).isTrue();
    }

    @Test
    void conversionFailuresAreDataExceptions() throws SQLException {
        ResultSet rs = oneRow();
        assertThatThrownBy(() -> rs.getInt("bi")).isInstanceOf(SQLDataException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
        assertThatThrownBy(() -> rs.getByte("si")).isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> rs.getDate("i")).isInstanceOf(SQLDataException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
        assertThatThrownBy(() -> rs.getObject("s", LocalDate.class)).isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> rs.getObject("n", int.class)).isInstanceOf(SQLDataException.class);
    }

    @Test
    void dateAndTimeGetters() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf(DATE));
        assertThat(rs.getDate("ts")).isEqualTo(Date.valueOf(DATE));
        assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf(TS));
        assertThat(rs.getTimestamp("dt")).isEqualTo(Timestamp.valueOf(DATE.atStartOfDay()));
        assertThat(rs.getTime("ts")).isEqualTo(Time.valueOf(TS.toLocalTime()));
        java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        assertThat(rs.getTimestamp("ts", utc).toInstant()).isEqualTo(Instant.parse("2024-01-31T12:34:56.789Z"));
        assertThat(rs.getDate("dt", utc).getTime()).isEqualTo(Instant.parse("2024-01-31T00:00:00Z").toEpochMilli());
    }

    @Test
    void getObjectWithClass() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.getObject("i", Long.class)).isEqualTo(42L);
        assertThat(rs.getObject("i", Integer.class)).isEqualTo(42);
        assertThat(rs.getObject("bi", BigDecimal.class)).isEqualTo(new BigDecimal(5_000_000_000L));
        assertThat(rs.getObject("dec", Double.class)).isEqualTo(123.45);
        assertThat(rs.getObject("dec", String.class)).isEqualTo("123.45");
        assertThat(rs.getObject("b", Boolean.class)).isTrue();
        assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(DATE);
        assertThat(rs.getObject("dt", LocalDateTime.class)).isEqualTo(DATE.atStartOfDay());
        assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(TS);
        assertThat(rs.getObject("ts", Instant.class)).isEqualTo(Instant.parse("2024-01-31T12:34:56.789Z"));
        assertThat(rs.getObject("ts", Timestamp.class)).isEqualTo(Timestamp.valueOf(TS));
        assertThat(rs.getObject("s", Integer.class)).isEqualTo(17);
        assertThat(rs.getObject("iv", Interval.class)).isEqualTo(INTERVAL);
        assertThat(rs.getObject("n", Integer.class)).isNull();
    }

    @Test
    void nullRow() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.next()).isTrue();
        for (int c = 1; c <= NAMES.size(); c++) {
            assertThat(rs.getObject(c)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString(c)).isNull();
        }
        assertThat(rs.getBoolean("b")).isFalse();
        assertThat(rs.getDouble("d")).isZero();
        assertThat(rs.getBigDecimal("dec")).isNull();
        assertThat(rs.getDate("dt")).isNull();
    }

    @Test
    void cursorStateAndLabels() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        rows.add(fullRow());
        rows.add(fullRow());
        ResultSet rs = resultSet(rows, 0);
        assertThat(rs.isBeforeFirst()).isTrue();
        assertThat(rs.getRow()).isZero();
        assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(SQLException.class);
        assertThat(rs.next()).isTrue();
        assertThat(rs.isFirst()).isTrue();
        assertThat(rs.getRow()).isEqualTo(1);
        assertThat(rs.findColumn("DEC")).isEqualTo(8);
        assertThatThrownBy(() -> rs.findColumn("nope")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> rs.getInt(99)).isInstanceOf(SQLException.class);
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
        assertThat(rs.getRow()).isZero();
        assertThat(rs.next()).isFalse();
        rs.close();
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    }

    @Test
    void emptyResult() throws SQLException {
        ResultSet rs = resultSet(List.of(), 0);
        assertThat(rs.isBeforeFirst()).isFalse();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isFalse();
    }

    @Test
    void readsAcrossChunksAndStopsAtMaxRows() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Object[] r = new Object[NAMES.size()];
            r[3] = i;
            rows.add(r);
        }
        ResultSet all = resultSet(rows, 0);
        long sum = 0;
        int count = 0;
        while (all.next()) {
            sum += all.getInt("i");
            count++;
        }
        assertThat(count).isEqualTo(5000);
        assertThat(sum).isEqualTo(4999L * 5000 / 2);
        ResultSet limited = resultSet(rows, 2100);
        count = 0;
        while (limited.next()) count++;
        assertThat(count).isEqualTo(2100);
    }

    @Test
    void metaData() throws SQLException {
        ResultSetMetaData md = oneRow().getMetaData();
        assertThat(md.getColumnCount()).isEqualTo(NAMES.size());
        int[] codes = new int[NAMES.size()];
        for (int c = 1; c <= codes.length; c++) codes[c - 1] = md.getColumnType(c);
        assertThat(codes).containsExactly(Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
                Types.DOUBLE, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.DATE, Types.TIMESTAMP, Types.OTHER, Types.INTEGER);
        assertThat(md.getColumnName(8)).isEqualTo("dec");
        assertThat(md.getColumnLabel(8)).isEqualTo("dec");
        assertThat(md.getColumnTypeName(8)).isEqualTo("DECIMAL(10,2)");
        assertThat(md.getPrecision(8)).isEqualTo(10);
        assertThat(md.getScale(8)).isEqualTo(2);
        assertThat(md.getColumnTypeName(10)).isEqualTo("VARCHAR");
        assertThat(md.getColumnClassName(11)).isEqualTo(LocalDate.class.getName());
        assertThat(md.getColumnClassName(8)).isEqualTo(BigDecimal.class.getName());
        assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNullableUnknown);
        assertThat(md.isSigned(4)).isTrue();
        assertThat(md.isSigned(10)).isFalse();
        assertThat(md.getColumnDisplaySize(4)).isEqualTo(11);
        assertThatThrownBy(() -> md.getColumnType(0)).isInstanceOf(SQLException.class);
    }

    @Test
    void readOnlyAndForwardOnly() throws SQLException {
        ResultSet rs = oneRow();
        assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThatThrownBy(() -> rs.updateInt(1, 3)).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::previous).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getBlob(1)).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    }

    @Test
    void parameterConversionsForSetObjectWithType() throws SQLException {
        assertThat(ValueConversions.toParameter("42", Types.INTEGER, -1)).isEqualTo(42);
        assertThat(ValueConversions.toParameter(42, Types.VARCHAR, -1)).isEqualTo("42");
        assertThat(ValueConversions.toParameter("1.5", Types.DECIMAL, 2)).isEqualTo(new BigDecimal("1.50"));
        assertThat(ValueConversions.toParameter("2024-01-31", Types.DATE, -1)).isEqualTo(DATE);
        assertThat(ValueConversions.toParameter("2024-01-31 12:34:56.789", Types.TIMESTAMP, -1)).isEqualTo(TS);
        assertThat(ValueConversions.toParameter(Timestamp.valueOf(TS), Types.DATE, -1)).isEqualTo(DATE);
        assertThat(ValueConversions.toParameter(1, Types.BOOLEAN, -1)).isEqualTo(true);
        assertThat(ValueConversions.toParameter(null, Types.INTEGER, -1)).isNull();
        assertThatThrownBy(() -> ValueConversions.toParameter("x", Types.INTEGER, -1)).isInstanceOf(SQLDataException.class);
        assertThatThrownBy(() -> ValueConversions.toParameter(1, Types.BLOB, -1))
                .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    }
}

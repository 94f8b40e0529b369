package dev.mallard.jdbc;

import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Names and types of a result's columns. Results do not say which table a column came from or
 * whether it can be NULL, so those answers are "" and {@link #columnNullableUnknown}.
 */
final class MallardResultSetMetaData implements ResultSetMetaData {
    private final List<String> names;
    private final List<LogicalType> types;

    MallardResultSetMetaData(List<String> names, List<LogicalType> types) {
        this.names = names;
        this.types = types;
    }

    private LogicalType type(int column) throws SQLException {
        if (column < 1 || column > types.size()) {
            throw new SQLException("column index " + column + " is out of range (1.." + types.size() + ")", "07009");
        }
        return types.get(column - 1);
    }

    @Override public int getColumnCount() { return types.size(); }
    @Override public boolean isAutoIncrement(int column) throws SQLException { type(column); return false; }
    @Override public boolean isCaseSensitive(int column) throws SQLException { return type(column).id() == TypeId.VARCHAR; }
    @Override public boolean isSearchable(int column) throws SQLException { type(column); return true; }
    @Override public boolean isCurrency(int column) throws SQLException { type(column); return false; }
    @Override public int isNullable(int column) throws SQLException { type(column); return columnNullableUnknown; }
    @Override public boolean isSigned(int column) throws SQLException { return JdbcTypes.signed(type(column)); }
    @Override public int getColumnDisplaySize(int column) throws SQLException { return JdbcTypes.displaySize(type(column)); }
    @Override public String getColumnLabel(int column) throws SQLException { type(column); return names.get(column - 1); }
    @Override public String getColumnName(int column) throws SQLException { type(column); return names.get(column - 1); }
    @Override public String getSchemaName(int column) throws SQLException { type(column); return ""; }
    @Override public int getPrecision(int column) throws SQLException { return JdbcTypes.precision(type(column)); }
    @Override public int getScale(int column) throws SQLException { return JdbcTypes.scale(type(column)); }
    @Override public String getTableName(int column) throws SQLException { type(column); return ""; }
    @Override public String getCatalogName(int column) throws SQLException { type(column); return ""; }
    @Override public int getColumnType(int column) throws SQLException { return JdbcTypes.sqlType(type(column)); }
    @Override public String getColumnTypeName(int column) throws SQLException { return type(column).toString(); }
    @Override public boolean isReadOnly(int column) throws SQLException { type(column); return true; }
    @Override public boolean isWritable(int column) throws SQLException { type(column); return false; }
    @Override public boolean isDefinitelyWritable(int column) throws SQLException { type(column); return false; }
    @Override public String getColumnClassName(int column) throws SQLException { return JdbcTypes.className(type(column)); }

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

package dev.mallard.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Parameters of a prepared statement. Mallard types a parameter from the value bound at each
 * execution, so only the count is known in advance; types are reported as unknown ({@code OTHER}).
 */
final class MallardParameterMetaData implements ParameterMetaData {
    private final int count;

    MallardParameterMetaData(int count) {
        this.count = count;
    }

    private void check(int param) throws SQLException {
        if (param < 1 || param > count) throw new SQLException("parameter index " + param + " is out of range (1.." + count + ")", "07009");
    }

    @Override public int getParameterCount() { return count; }
    @Override public int isNullable(int param) throws SQLException { check(param); return parameterNullableUnknown; }
    @Override public boolean isSigned(int param) throws SQLException { check(param); return false; }
    @Override public int getPrecision(int param) throws SQLException { check(param); return 0; }
    @Override public int getScale(int param) throws SQLException { check(param); return 0; }
    @Override public int getParameterType(int param) throws SQLException { check(param); return Types.OTHER; }
    @Override public String getParameterTypeName(int param) throws SQLException { check(param); return "UNKNOWN"; }
    @Override public String getParameterClassName(int param) throws SQLException { check(param); return Object.class.getName(); }
    @Override public int getParameterMode(int param) throws SQLException { check(param); return parameterModeIn; }

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

package dev.mallard.api.mapping;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.util.List;
import java.util.Locale;

/**
 * Builds a Java object from one result row, its values already as Java values. Made once per
 * query and target class ({@link #of}); every name and type check happens then, so a mismatch
 * fails before the first row, naming the column and what it would go to.
 */
public interface RowMapper<T> {
    /** The object for one row ({@code values} in column order, as {@link dev.mallard.types.Values#toJava} gives them). */
    T map(Object[] values, long row);

    /** Plain values (String, Long, LocalDate ...) from a one-column result, records by component, other classes by setters or fields. */
    static <T> RowMapper<T> of(Class<T> type, List<String> columns, List<LogicalType> types) {
        if (ValueMapper.takes(type)) return new ValueMapper<>(type, columns, types);
        if (type.isInterface() || type.isPrimitive() || type.isArray() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            throw MallardException.Data.invalidArgument("cannot map rows to " + type.getName() + ": use a record or a class with a"
                    + " no-argument constructor (or toMaps() / scalar())");
        }
        return type.isRecord() ? new RecordMapper<>(type, columns, types) : new PojoMapper<>(type, columns, types);
    }

    /**
     * Whether a column name means a Java name: equal ignoring case, or equal once underscores are
     * dropped too ({@code trip_id} fills {@code tripId}).
     */
    static boolean matches(String column, String javaName) {
        return column.equalsIgnoreCase(javaName)
                || column.replace("_", "").toLowerCase(Locale.ROOT).equals(javaName.replace("_", "").toLowerCase(Locale.ROOT));
    }

    /** Wraps a conversion failure with the row and column it happened at. */
    static MallardException at(RuntimeException e, long row, String column, Class<?> type) {
        String why = e instanceof MallardException m ? m.getMessage() : e.toString();
        return new MallardException(e instanceof MallardException m ? m.sqlState() : "22018",
                "row " + row + ", column \"" + column + "\" into " + type.getName() + ": " + why, e);
    }
}

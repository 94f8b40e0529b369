package dev.mallard.api.mapping;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Maps the rows of a one-column result to plain values: {@code toList(String.class)} for
 * {@code SELECT name ...}, {@code toList(long.class)} for a column of counts (NULL into a primitive
 * is an error).
 */
final class ValueMapper<T> implements RowMapper<T> {
    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Long.class, Integer.class, Short.class, Byte.class,
            Double.class, Float.class, Boolean.class, Character.class, BigDecimal.class, BigInteger.class, LocalDate.class,
            LocalDateTime.class, Instant.class, UUID.class, Object.class);

    private final Class<T> type;
    private final ValueConverter converter;
    private final String column;

    ValueMapper(Class<T> type, List<String> columns, List<LogicalType> types) {
        if (columns.size() != 1) {
            throw MallardException.Data.invalidArgument("rows of " + columns.size() + " columns (" + String.join(", ", columns)
                    + ") cannot be read as " + type.getName() + ", which takes one column; map them to a record instead");
        }
        this.type = type;
        this.column = columns.get(0);
        this.converter = ValueConverter.to(type, types.get(0), column);
    }

    /** Whether rows map to {@code type} as one value rather than by column names. */
    static boolean takes(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || VALUE_TYPES.contains(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T map(Object[] values, long row) {
        Object v = values[0];
        if (v == null) {
            if (type.isPrimitive()) throw RowMapper.at(RecordMapper.nullIntoPrimitive(), row, column, type);
            return null;
        }
        try {
            return (T) converter.convert(v);
        } catch (RuntimeException e) {
            throw RowMapper.at(e, row, column, type);
        }
    }
}

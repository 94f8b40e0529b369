package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.jdbc.JavaValueCast;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;
import java.time.LocalDate;

/**
 * Writes a {@link RowBatch} column's values into a vector of the table column's engine type. The
 * values the API's types usually hold arrive in their stored Java form already (a Long for BIGINT,
 * a String for TEXT, ...) and go straight into the vector's array; any other value is converted
 * as the SQL paths bind it ({@link ColumnType#convert}) and then cast as an INSERT would cast it.
 */
final class VectorFill {
    private final String table;

    VectorFill(String table) {
        this.table = table;
    }

    /** Rows {@code from} to {@code from + count} of {@code column} into positions 0... of {@code v}. */
    void fill(Vector v, RowBatch.Column column, String name, ColumnType type, int from, int count) {
        TypeId id = v.type().id();
        for (int k = 0; k < count; k++) {
            Object value = column.value(from + k);
            if (value == null) {
                v.setNull(k);
            } else if (!storeDirectly(v, id, type, k, value)) {
                convert(v, k, name, type, value);
            }
        }
    }

    /** Stores a value already in the vector's Java form; false when it needs converting. */
    private static boolean storeDirectly(Vector v, TypeId id, ColumnType type, int k, Object value) {
        switch (id) {
            case BIGINT -> {
                if (!(value instanceof Long l)) return false;
                v.longs[k] = l;
            }
            case DOUBLE -> {
                if (!(value instanceof Double d)) return false;
                v.doubles[k] = d;
            }
            case VARCHAR -> {
                // A string in a JSON column is a JSON string (quoted): only TEXT takes it as it is.
                if (!(value instanceof String s) || type != ColumnType.TEXT) return false;
                v.strings[k] = s;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) return false;
                v.bools[k] = b;
            }
            case DATE -> {
                // The infinite dates have codes of their own: the general path knows them.
                if (!(value instanceof LocalDate d) || d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) return false;
                v.ints[k] = (int) d.toEpochDay();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void convert(Vector v, int k, String name, ColumnType type, Object value) {
        try {
            JavaValueCast.set(v, k, type.convert(value));
        } catch (RuntimeException e) {
            String state = e instanceof MallardException m ? m.sqlState() : "22000";
            throw new MallardException(state, "cannot write " + ValueText.describe(value) + " to column \"" + name + "\" (" + type
                    + ") of table \"" + table + "\": " + e.getMessage() + "; nothing was written", e);
        }
    }
}

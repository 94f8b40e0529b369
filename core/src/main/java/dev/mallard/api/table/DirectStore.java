package dev.mallard.api.table;

import dev.mallard.api.scan.EpochDays;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;
import java.time.LocalDate;

/**
 * Values that go into a column's vector as they are: the stored Java form of the column's type (a
 * Long for BIGINT, a String for TEXT, ...), or an Integer for BIGINT. Each column's kind is worked
 * out once, so storing a value costs one comparison of its class (all these classes are final)
 * rather than a switch over the column's type and a chain of instanceof tests.
 */
final class DirectStore {
    /** A column that takes no value as it is: every value is converted. */
    static final byte NONE = 0;
    static final byte BIGINT = 1;
    static final byte DOUBLE = 2;
    static final byte TEXT = 3;
    static final byte BOOLEAN = 4;
    static final byte DATE = 5;

    /** Years from 1970 whose days still fit in an int, rounded down. */
    private static final int MAX_YEARS = 5_000_000;

    private DirectStore() {}

    /** The kind of a column of engine type {@code id} and the API's type {@code type}. */
    static byte kindOf(TypeId id, ColumnType type) {
        return switch (id) {
            case BIGINT -> BIGINT;
            case DOUBLE -> DOUBLE;
            // A string in a JSON column is a JSON string (quoted): only TEXT takes it as it is.
            case VARCHAR -> type == ColumnType.TEXT ? TEXT : NONE;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            default -> NONE;
        };
    }

    /** Stores {@code value} at position {@code k} of {@code v}, a column of kind {@code kind}; false when it needs converting. */
    static boolean store(Vector v, byte kind, int k, Object value) {
        Class<?> c = value.getClass();
        switch (kind) {
            case BIGINT -> {
                if (c == Long.class) v.longs[k] = (Long) value;
                else if (c == Integer.class) v.longs[k] = (Integer) value;
                else return false;
            }
            case DOUBLE -> {
                if (c != Double.class) return false;
                v.doubles[k] = (Double) value;
            }
            case TEXT -> {
                if (c != String.class) return false;
                v.strings[k] = (String) value;
            }
            case BOOLEAN -> {
                if (c != Boolean.class) return false;
                v.bools[k] = (Boolean) value;
            }
            case DATE -> {
                if (c != LocalDate.class) return false;
                LocalDate d = (LocalDate) value;
                // The infinite dates (LocalDate.MAX and MIN) have codes of their own, and days past an
                // int do not fit: the general path knows both.
                int year = d.getYear();
                if (year <= -MAX_YEARS || year >= MAX_YEARS) return false;
                v.ints[k] = EpochDays.of(d);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}

package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.jdbc.JavaValueCast;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;
import java.time.LocalDate;

/**
 * Writes {@link RowBatch} columns' values into vectors of the table columns' engine types. The
 * values the API's types usually hold arrive in their stored Java form already (a Long for BIGINT,
 * a String for TEXT, ...) and go straight into the vector's array; any other value is converted
 * as the SQL paths bind it ({@link ColumnType#convert}) and then cast as an INSERT would cast it.
 *
 * <p>Row by row, not column by column: a row's values were allocated together, so reading them
 * together reads memory once, where a pass per column would miss the cache on nearly every value.
 */
final class VectorFill {
    private final String table;
    private final RowBatch.Column[] sources;
    private final String[] names;
    private final ColumnType[] types;

    /** Fills from {@code sources[c]} (the rows' column called {@code names[c]}, of the API's type {@code types[c]}). */
    VectorFill(String table, RowBatch.Column[] sources, String[] names, ColumnType[] types) {
        this.table = table;
        this.sources = sources;
        this.names = names;
        this.types = types;
    }

    /**
     * Rows {@code rows[from]} to {@code rows[from + count - 1]} into positions 0... of {@code vectors[c]}
     * for each column that has a vector (a null one is skipped: its caller fills it).
     */
    void fill(Vector[] vectors, int[] rows, int from, int count) {
        TypeId[] ids = new TypeId[vectors.length];
        for (int c = 0; c < vectors.length; c++) ids[c] = vectors[c] == null ? null : vectors[c].type().id();
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < vectors.length; c++) {
                Vector v = vectors[c];
                if (v == null) continue;
                Object value = sources[c].value(rows[from + k]);
                if (value == null) {
                    v.setNull(k);
                } else if (!storeDirectly(v, ids[c], types[c], k, value)) {
                    convert(v, k, names[c], types[c], value);
                }
            }
        }
    }

    /** Stores a value already in the vector's Java form (or an Integer for BIGINT); false when it needs converting. */
    static boolean storeDirectly(Vector v, TypeId id, ColumnType type, int k, Object value) {
        switch (id) {
            case BIGINT -> {
                if (value instanceof Long l) v.longs[k] = l;
                else if (value instanceof Integer i) v.longs[k] = i;
                else return false;
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

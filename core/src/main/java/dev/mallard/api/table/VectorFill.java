package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.jdbc.JavaValueCast;
import dev.mallard.vector.Vector;

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
        byte[] kinds = new byte[vectors.length];
        for (int c = 0; c < vectors.length; c++) kinds[c] = vectors[c] == null ? DirectStore.NONE : DirectStore.kindOf(vectors[c].type().id(), types[c]);
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < vectors.length; c++) {
                Vector v = vectors[c];
                if (v == null) continue;
                Object value = sources[c].value(rows[from + k]);
                if (value == null) {
                    v.setNull(k);
                } else if (!DirectStore.store(v, kinds[c], k, value)) {
                    convert(v, k, names[c], types[c], value);
                }
            }
        }
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

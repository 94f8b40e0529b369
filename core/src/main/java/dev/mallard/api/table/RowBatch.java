package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one write gathered column by column: for each column the rows name, its name as first
 * written, the type its values ask for, and its values by row. Schema fitting reads the columns'
 * types without looking at a row again, and the bulk insert fills vectors from the columns; rows
 * are read once, without copying a map per row.
 *
 * <p>A row that leaves a column out and a row that gives it NULL differ ({@link Column#given}):
 * an upsert keeps the stored value for the first and clears it for the second.
 */
final class RowBatch {
    /** One column of the batch. */
    static final class Column {
        final String name;
        /** The type the values ask for; null while the column has only NULLs. */
        ColumnType type;
        private Object[] values;
        /** Whether row r names the column (its value may still be NULL). */
        private boolean[] given;
        private int lastRow = -1;
        private String lastSpelling;
        /** The last value's class and its type, so that a column of one class runs ColumnType.of once. */
        private Class<?> lastClass;

        private Column(String name, int capacity) {
            this.name = name;
            this.values = new Object[capacity];
            this.given = new boolean[capacity];
        }

        /** Row r's value; null when it is NULL or the row leaves the column out. */
        Object value(int r) {
            return r < values.length ? values[r] : null;
        }

        /** Whether row r names the column (its value may still be NULL). */
        boolean given(int r) {
            return r < given.length && given[r];
        }

        /** Row {@code from}'s value, if it names the column, becomes row {@code to}'s. */
        private void copy(int from, int to) {
            if (!given(from)) return;
            values[to] = values[from];
            given[to] = true;
        }

        private void set(int row, String spelling, Object value) {
            if (lastRow == row) {
                throw MallardException.Data.invalidArgument("the row has both \"" + lastSpelling + "\" and \"" + spelling
                        + "\": column names match case-insensitively, so keep one of them");
            }
            lastRow = row;
            lastSpelling = spelling;
            if (row >= values.length) {
                int grown = Math.max(row + 1, values.length * 2);
                values = Arrays.copyOf(values, grown);
                given = Arrays.copyOf(given, grown);
            }
            values[row] = value;
            given[row] = true;
            if (value == null || (value.getClass() == lastClass && type != null)) return;
            ColumnType t = ColumnType.of(value);
            // A BigInteger's type depends on its size, so only other classes are remembered.
            lastClass = value instanceof java.math.BigInteger ? null : value.getClass();
            type = type == null ? t : type.join(t);
        }
    }

    private final KeyNames names;
    private final int capacity;
    private final Map<String, Column> byKey = new HashMap<>();
    /** The columns by {@link KeyNames.Name#column}: what a row's key finds its column by. */
    private Column[] bySlot = new Column[16];
    private final List<Column> columns = new ArrayList<>();
    private int size;

    RowBatch(KeyNames names, int capacity) {
        this.names = names;
        this.capacity = Math.max(1, capacity);
    }

    /** A batch of {@code rows}, read now. */
    static RowBatch of(Iterable<?> rows) {
        RowBatch batch = new RowBatch(new KeyNames(), 16);
        for (Object row : rows) batch.add(row);
        return batch;
    }

    /** Reads one row: a Map, a record, an object with getters, or JSON object text ({@link RowValues}). */
    void add(Object row) {
        Map<?, ?> values = row instanceof Map<?, ?> m ? m : RowValues.of(row);
        int r = size;
        for (Map.Entry<?, ?> e : values.entrySet()) {
            KeyNames.Name name = names.of(e.getKey());
            if (name.column() >= bySlot.length) bySlot = Arrays.copyOf(bySlot, Math.max(name.column() + 1, 2 * bySlot.length));
            Column column = bySlot[name.column()];
            if (column == null) {
                column = new Column(name.clean(), capacity);
                bySlot[name.column()] = column;
                byKey.put(name.key(), column);
                columns.add(column);
            }
            column.set(r, name.clean(), e.getValue());
        }
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The columns in the order rows first name them. */
    List<Column> columns() {
        return columns;
    }

    /** The column called {@code name} in any case, or null when no row names it. */
    Column column(String name) {
        return byKey.get(Names.key(name));
    }

    /** Whether row {@code r} names column {@code name} (any case). */
    boolean gives(int r, String name) {
        Column c = column(name);
        return c != null && c.given(r);
    }

    /** The first value of column {@code name} whose type a column of type {@code type} cannot hold, or null. */
    Object firstMisfit(String name, ColumnType type) {
        Column c = column(name);
        if (c == null) return null;
        for (int r = 0; r < size; r++) {
            Object v = c.value(r);
            if (v != null && !type.holds(ColumnType.of(v))) return v;
        }
        return null;
    }

    /** The indexes of all rows, in order. */
    int[] all() {
        int[] rows = new int[size];
        for (int r = 0; r < size; r++) rows[r] = r;
        return rows;
    }

    /**
     * Merges rows that repeat a key into the first of them (later values win, columns a later row
     * leaves out keep the earlier value) and returns the rows left, in order. An upsert needs it: a
     * database refuses to update one row twice in a statement, and the caller means the last value
     * anyway. Keys compare in their columns' stored form ({@code schema}); a row with a NULL key
     * part is its own (NULLs never conflict).
     */
    int[] mergeRepeatedKeys(List<String> keys, TableSchema schema) {
        Column[] keyColumns = new Column[keys.size()];
        ColumnType[] keyTypes = new ColumnType[keys.size()];
        for (int i = 0; i < keyColumns.length; i++) {
            keyColumns[i] = column(keys.get(i));
            keyTypes[i] = schema.require(keys.get(i)).type();
        }
        Map<Object, Integer> first = new HashMap<>();
        int[] kept = new int[size];
        int n = 0;
        for (int r = 0; r < size; r++) {
            Object key = keyOf(r, keyColumns, keyTypes);
            Integer earlier = key == null ? null : first.putIfAbsent(key, r);
            if (earlier == null) {
                kept[n++] = r;
            } else {
                for (Column c : columns) c.copy(r, earlier);
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** Row r's key in stored form (one value, or a list for several columns); null when a part is NULL. */
    private static Object keyOf(int r, Column[] columns, ColumnType[] types) {
        if (columns.length == 1) return columns[0] == null ? null : types[0].convert(columns[0].value(r));
        List<Object> key = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            Object part = columns[i] == null ? null : types[i].convert(columns[i].value(r));
            if (part == null) return null;
            key.add(part);
        }
        return key;
    }

    /**
     * The rows as maps from stored column name to value in the column's Java form
     * ({@link ColumnType#convert}), with the columns each row names: what the SQL paths bind.
     */
    List<Map<String, Object>> stored(TableSchema schema) {
        return stored(schema, all());
    }

    /** {@link #stored(TableSchema)} of rows {@code which}. */
    List<Map<String, Object>> stored(TableSchema schema, int[] which) {
        TableSchema.Column[] target = new TableSchema.Column[columns.size()];
        for (int c = 0; c < target.length; c++) target[c] = schema.require(columns.get(c).name);
        List<Map<String, Object>> rows = new ArrayList<>(which.length);
        for (int r : which) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < target.length; c++) {
                Column column = columns.get(c);
                if (column.given(r)) row.put(target[c].name(), target[c].type().convert(column.value(r)));
            }
            rows.add(row);
        }
        return rows;
    }
}

package dev.mallard.sqllogictest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a result table into the flat, row-major list of value texts that scripts compare. */
public final class ResultRenderer {

    private ResultRenderer() {}

    /**
     * @param types the query's type string (only the SQLite dialect renders by it)
     * @param booleansAsDigits render booleans as 1/0 (DuckDB's runner does) instead of true/false
     */
    public static List<String> render(ResultTable table, Dialect dialect, String types, boolean booleansAsDigits) {
        List<String> values = new ArrayList<>(table.rowCount() * table.columnCount());
        for (Object[] row : table.rows()) {
            for (int c = 0; c < row.length; c++) {
                Object value = row[c];
                if (value == null) {
                    values.add("NULL");
                } else if (dialect == Dialect.SQLITE) {
                    values.add(SqliteText.render(value, c < types.length() ? types.charAt(c) : 'T'));
                } else {
                    values.add(DuckDbText.render(value, table.columns().get(c), booleansAsDigits));
                }
            }
        }
        return values;
    }

    /** Sorts rendered values in place by the query's sort mode. */
    public static void sort(List<String> values, int columns, SortMode mode) {
        switch (mode) {
            case NOSORT -> {
                // keep the engine's order
            }
            case VALUESORT -> values.sort(BYTE_ORDER);
            case ROWSORT -> {
                if (columns == 0 || values.size() % columns != 0) {
                    return;
                }
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < values.size(); i += columns) {
                    rows.add(new ArrayList<>(values.subList(i, i + columns)));
                }
                rows.sort((a, b) -> {
                    for (int c = 0; c < columns; c++) {
                        int cmp = BYTE_ORDER.compare(a.get(c), b.get(c));
                        if (cmp != 0) {
                            return cmp;
                        }
                    }
                    return 0;
                });
                values.clear();
                rows.forEach(values::addAll);
            }
        }
    }

    /**
     * The order of the texts' UTF-8 bytes, which is what C's {@code strcmp} gives the reference
     * runners; it equals code point order, not Java's UTF-16 order.
     */
    public static final Comparator<String> BYTE_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
}

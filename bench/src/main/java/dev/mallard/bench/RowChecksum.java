package dev.mallard.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a table holds after a benchmark run, in a few numbers every engine computes alike (all
 * integers, so no summation order can make two right answers differ): the rows, the sums of two
 * BIGINT columns, the NULLs of a VARCHAR column, the true values of the BOOLEAN column and the
 * dates present. The expected values come from the Java rows themselves, not from any engine.
 */
record RowChecksum(long rows, long keySum, long qtySum, long labelNulls, long activeTrue, long createdPresent) {

    /** The same numbers from table {@code t}, in the record's order (sums cast so that DuckDB gives BIGINT, not HUGEINT). */
    static final String SQL = "SELECT count(*), CAST(coalesce(sum(\"key\"), 0) AS BIGINT), CAST(coalesce(sum(qty), 0) AS BIGINT), "
            + "count(*) - count(label), CAST(coalesce(sum(CASE WHEN active THEN 1 ELSE 0 END), 0) AS BIGINT), count(created) FROM t";

    static RowChecksum of(List<?> values) {
        long[] v = new long[6];
        for (int i = 0; i < v.length; i++) v[i] = ((Number) values.get(i)).longValue();
        return new RowChecksum(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /** The table after inserting {@code rows} into an empty one. */
    static RowChecksum inserted(List<Map<String, Object>> rows) {
        Sum s = new Sum();
        for (Map<String, Object> row : rows) s.add(row, 1);
        return s.result();
    }

    /**
     * The table of {@code rows} after upserting {@code changes} by key: a stored row takes the
     * values a change names and keeps the others; a change with a new key is a new row.
     */
    static RowChecksum upserted(SparseRows data) {
        Sum s = new Sum();
        for (Map<String, Object> row : data.rows()) s.add(row, 1);
        for (Map<String, Object> change : data.changes()) {
            long key = (Long) change.get(SparseRows.KEY);
            if (key < data.rows().size()) {
                Map<String, Object> old = data.rows().get((int) key);
                Map<String, Object> merged = new HashMap<>(old);
                merged.putAll(change);
                s.add(old, -1);
                s.add(merged, 1);
            } else {
                s.add(change, 1);
            }
        }
        return s.result();
    }

    String text() {
        return String.format(Locale.ROOT, "%d rows, sum(key) %d, sum(qty) %d, %d NULL labels, %d active, %d dates", rows, keySum, qtySum,
                labelNulls, activeTrue, createdPresent);
    }

    /** The checksum's terms, added (sign 1) or taken back (sign -1) a row at a time. */
    private static final class Sum {
        private final long[] v = new long[6];

        void add(Map<String, Object> row, int sign) {
            v[0] += sign;
            v[1] += sign * (Long) row.get(SparseRows.KEY);
            if (row.get("qty") instanceof Long q) v[2] += sign * q;
            if (row.get("label") == null) v[3] += sign;
            if (Boolean.TRUE.equals(row.get("active"))) v[4] += sign;
            if (row.get("created") != null) v[5] += sign;
        }

        RowChecksum result() {
            return new RowChecksum(v[0], v[1], v[2], v[3], v[4], v[5]);
        }
    }
}

package dev.mallard.types;

/**
 * How values of a logical type are held in a {@link dev.mallard.vector.Vector}.
 *
 * <ul>
 *   <li>BOOL: {@code boolean[] bools}</li>
 *   <li>INT32: {@code int[] ints} — TINYINT, SMALLINT, INTEGER, DATE (days since 1970-01-01)</li>
 *   <li>INT64: {@code long[] longs} — BIGINT, TIMESTAMP (microseconds since the epoch, no zone),
 *       DECIMAL with precision ≤ 18 (the unscaled value)</li>
 *   <li>INT128: {@code long[] longs} (low 64 bits) and {@code long[] highs} (high 64 bits) —
 *       DECIMAL with precision 19..38, the unscaled value as a two's-complement 128-bit integer</li>
 *   <li>DOUBLE: {@code double[] doubles} — REAL (rounded to float precision) and DOUBLE</li>
 *   <li>STRING: {@code String[] strings} — VARCHAR. Java strings are compact byte arrays that
 *       cache their hash, and in-memory tables hand out references without copying, so scans and
 *       hash tables allocate nothing per value.</li>
 *   <li>OBJECT: {@code Object[] objects} — INTERVAL ({@link Interval}); rare in hot loops.</li>
 *   <li>NONE: no storage — the NULL type, every value is null.</li>
 * </ul>
 */
public enum PhysicalType {
    BOOL, INT32, INT64, INT128, DOUBLE, STRING, OBJECT, NONE
}

package dev.mallard.io.parquet;

/**
 * A column chunk's or page's statistics, raw as written: {@code min}/{@code max} are the plain
 * encodings of the bounds. {@code minValue}/{@code maxValue} follow the column's sort order;
 * {@code legacyMin}/{@code legacyMax} are the deprecated fields, which old writers filled using
 * signed byte comparison even for strings, so they are only trusted for signed numbers.
 * {@code nullCount} is -1 when not written.
 */
record Statistics(byte[] legacyMax, byte[] legacyMin, long nullCount, byte[] maxValue, byte[] minValue) {
    static Statistics of(ThriftStruct s) {
        if (s == null) return null;
        return new Statistics(s.binary(1), s.binary(2), s.i64(3, -1), s.binary(5), s.binary(6));
    }

    void write(ThriftCompactWriter w, int fieldId) {
        w.structField(fieldId);
        if (nullCount >= 0) w.i64(3, nullCount);
        if (maxValue != null) w.binary(5, maxValue);
        if (minValue != null) w.binary(6, minValue);
        w.endStruct();
    }
}

package dev.mallard.io.parquet;

import dev.mallard.storage.ZoneMap;
import java.nio.charset.StandardCharsets;

/**
 * A column chunk's statistics as a {@link ZoneMap}, so the scan's {@code TableFilter}s can leave
 * out row groups. Bounds are only used when their order is the one the zone map compares in:
 *
 * <ul>
 *   <li>{@code min_value}/{@code max_value} follow the column's type order; they are trusted
 *       unless the footer's column_orders says the column uses another order;</li>
 *   <li>the deprecated {@code min}/{@code max} were compared as signed values by old writers, for
 *       strings and unsigned integers too, so they are only used for signed numbers;</li>
 *   <li>INT96, UINT64 (a DECIMAL(20, 0) here), BOOLEAN, and the types read as text that do not
 *       sort as their text (UUID, TIME, intervals) give no bounds;</li>
 *   <li>string bounds are compared as bytes (code points) in Parquet but as UTF-16 units in Java:
 *       the two agree whenever a bound holds only characters below U+D800, so other bounds are
 *       dropped;</li>
 *   <li>a NaN bound says nothing: dropped.</li>
 * </ul>
 * Without bounds the zone map still carries the NULL facts from {@code null_count}.
 */
final class StatisticsZoneMap {
    private StatisticsZoneMap() {}

    static ZoneMap of(ParquetColumn column, FileMetaData.ColumnChunk chunk, long rows, boolean typeOrder) {
        Statistics s = chunk.statistics();
        if (s == null) return new ZoneMap.NoRange(true, true);
        boolean hasNull = s.nullCount() != 0; // unknown (-1) may be NULL
        boolean hasValue = s.nullCount() < 0 || s.nullCount() < rows;
        if (!hasValue) return new ZoneMap.NoRange(true, false);
        byte[] min = null, max = null;
        if (typeOrder && s.minValue() != null && s.maxValue() != null) {
            min = s.minValue();
            max = s.maxValue();
        } else if (signed(column.kind()) && s.legacyMin() != null && s.legacyMax() != null) {
            min = s.legacyMin();
            max = s.legacyMax();
        }
        Comparable<?> lo = min == null ? null : key(column, min), hi = max == null ? null : key(column, max);
        if (lo == null || hi == null) return new ZoneMap.NoRange(hasNull, true);
        return new ZoneMap.Range(lo, hi, hasNull);
    }

    private static boolean signed(ColumnKind k) {
        return switch (k) {
            case INT32, INT32_TO_LONG, INT64, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS, FLOATING -> true;
            default -> false;
        };
    }

    /** One bound as a zone-map key, or null when it cannot be used. */
    private static Comparable<?> key(ParquetColumn column, byte[] b) {
        int type = column.physicalType();
        return switch (column.kind()) {
            case INT32, INT32_TO_LONG -> b.length == 4 ? (long) ValueDecoder.int32(b, 0) : null;
            case UINT8, UINT16, UINT32 -> b.length == 4 ? ValueDecoder.int32(b, 0) & 0xFFFFFFFFL : null;
            case INT64, TIMESTAMP_MICROS -> b.length == 8 && type == Thrift.INT64 ? ValueDecoder.int64(b, 0) : null;
            case TIMESTAMP_MILLIS -> b.length == 8 ? ValueDecoder.int64(b, 0) * 1000 : null;
            case TIMESTAMP_NANOS -> b.length == 8 ? Math.floorDiv(ValueDecoder.int64(b, 0), 1000L) : null;
            case FLOATING -> {
                double d;
                if (type == Thrift.FLOAT && b.length == 4) d = Float.intBitsToFloat(ValueDecoder.int32(b, 0));
                else if (type == Thrift.DOUBLE && b.length == 8) d = Double.longBitsToDouble(ValueDecoder.int64(b, 0));
                else yield null;
                yield Double.isNaN(d) ? null : ZoneMap.key(d);
            }
            case STRING -> {
                String s = new String(b, StandardCharsets.UTF_8);
                for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0xD800) yield null;
                yield s;
            }
            case BINARY_DECIMAL -> {
                if (column.type().precision() > 18 || b.length == 0 || b.length > 8) yield null;
                long v = b[0];
                for (int k = 1; k < b.length; k++) v = v << 8 | (b[k] & 0xFF);
                yield v;
            }
            default -> null;
        };
    }
}

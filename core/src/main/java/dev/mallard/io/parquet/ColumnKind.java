package dev.mallard.io.parquet;

import dev.mallard.types.Interval;
import dev.mallard.vector.Vector;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * How one Parquet leaf column's decoded values ({@link RawValues}) become the values of its
 * Mallard type: the pairing of physical type and logical annotation {@link ParquetSchema} chose.
 * {@link #convert} writes {@code n} values densely into a vector of the Mallard type.
 */
enum ColumnKind {
    BOOLEAN, INT32, UINT8, UINT16, UINT32, INT32_TO_LONG, INT64, UINT64, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS,
    FLOATING, STRING, BINARY_DECIMAL, UUID, INTERVAL, TIME_MILLIS, TIME_MICROS, TIME_NANOS, FLOAT16;

    /**
     * Whether plain values of this kind are already Mallard's form (same array, same bits), so a
     * page without NULLs can be copied from its bytes into the output vector with no step between.
     */
    boolean direct(int physicalType) {
        return switch (this) {
            case INT32 -> physicalType == Thrift.INT32;
            case INT64, TIMESTAMP_MICROS -> physicalType == Thrift.INT64;
            case FLOATING -> physicalType == Thrift.DOUBLE;
            default -> false;
        };
    }

    void convert(RawValues raw, int n, Vector out) {
        convert(raw, n, out, null);
    }

    /** As {@link #convert(RawValues, int, Vector)}; strings reuse those {@code seen} keeps for repeated values (null: none). */
    void convert(RawValues raw, int n, Vector out, dev.mallard.io.RepeatedStrings seen) {
        out.ensureCapacity(n);
        switch (this) {
            case BOOLEAN -> System.arraycopy(raw.bools, 0, out.bools, 0, n);
            case INT32 -> System.arraycopy(raw.ints, 0, out.ints, 0, n);
            case UINT8 -> { for (int i = 0; i < n; i++) out.ints[i] = raw.ints[i] & 0xFF; }
            case UINT16 -> { for (int i = 0; i < n; i++) out.ints[i] = raw.ints[i] & 0xFFFF; }
            case UINT32 -> { for (int i = 0; i < n; i++) out.longs[i] = raw.ints[i] & 0xFFFFFFFFL; }
            case INT32_TO_LONG -> { for (int i = 0; i < n; i++) out.longs[i] = raw.ints[i]; }
            case INT64, TIMESTAMP_MICROS -> System.arraycopy(raw.longs, 0, out.longs, 0, n);
            case UINT64 -> { // DECIMAL(20, 0): the 64 bits are the low word, the high word is 0
                System.arraycopy(raw.longs, 0, out.longs, 0, n);
                java.util.Arrays.fill(out.highs, 0, n, 0L);
            }
            case TIMESTAMP_MILLIS -> { for (int i = 0; i < n; i++) out.longs[i] = raw.longs[i] * 1000; }
            case TIMESTAMP_NANOS -> { for (int i = 0; i < n; i++) out.longs[i] = Math.floorDiv(raw.longs[i], 1000L); }
            case FLOATING -> System.arraycopy(raw.doubles, 0, out.doubles, 0, n);
            case STRING -> {
                for (int i = 0; i < n; i++) {
                    int from = raw.offsets[i], to = from + raw.lengths[i];
                    String s = seen == null ? null : seen.find(raw.data, from, to);
                    if (s == null) {
                        s = new String(raw.data, from, raw.lengths[i], StandardCharsets.UTF_8);
                        if (seen != null) seen.remember(raw.data, from, to, s);
                    }
                    out.strings[i] = s;
                }
            }
            case BINARY_DECIMAL -> {
                boolean wide = out.highs != null;
                for (int i = 0; i < n; i++) {
                    int off = raw.offsets[i], len = raw.lengths[i];
                    if (len == 0) {
                        out.longs[i] = 0;
                        if (wide) out.highs[i] = 0;
                        continue;
                    }
                    if (len <= 8) { // big-endian two's complement: sign-extend from the first byte
                        long v = raw.data[off];
                        for (int k = 1; k < len; k++) v = v << 8 | (raw.data[off + k] & 0xFF);
                        out.longs[i] = v;
                        if (wide) out.highs[i] = v >> 63;
                    } else {
                        BigInteger b = new BigInteger(raw.data, off, len);
                        if (wide) {
                            out.longs[i] = b.longValue();
                            out.highs[i] = b.shiftRight(64).longValue();
                        } else {
                            out.longs[i] = b.longValue(); // wider storage, value fits: the precision says so
                        }
                    }
                }
            }
            case UUID -> {
                for (int i = 0; i < n; i++) {
                    if (raw.lengths[i] != 16) throw new ThriftCompactReader.Damaged("a UUID of " + raw.lengths[i] + " bytes");
                    long hi = 0, lo = 0;
                    for (int k = 0; k < 8; k++) {
                        hi = hi << 8 | (raw.data[raw.offsets[i] + k] & 0xFF);
                        lo = lo << 8 | (raw.data[raw.offsets[i] + 8 + k] & 0xFF);
                    }
                    out.strings[i] = new java.util.UUID(hi, lo).toString();
                }
            }
            case INTERVAL -> { // months, days, milliseconds: three little-endian unsigned ints
                for (int i = 0; i < n; i++) {
                    if (raw.lengths[i] != 12) throw new ThriftCompactReader.Damaged("an INTERVAL of " + raw.lengths[i] + " bytes");
                    int p = raw.offsets[i];
                    out.objects[i] = new Interval(ValueDecoder.int32(raw.data, p), ValueDecoder.int32(raw.data, p + 4),
                            (ValueDecoder.int32(raw.data, p + 8) & 0xFFFFFFFFL) * 1000);
                }
            }
            case TIME_MILLIS -> { for (int i = 0; i < n; i++) out.strings[i] = time(raw.ints[i] * 1000L); }
            case TIME_MICROS -> { for (int i = 0; i < n; i++) out.strings[i] = time(raw.longs[i]); }
            case TIME_NANOS -> { for (int i = 0; i < n; i++) out.strings[i] = time(Math.floorDiv(raw.longs[i], 1000L)); }
            case FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    int p = raw.offsets[i];
                    out.doubles[i] = Float.float16ToFloat((short) ((raw.data[p] & 0xFF) | raw.data[p + 1] << 8));
                }
            }
        }
    }

    /** A time of day as text (Mallard has no TIME type): HH:MM:SS, with microseconds when there are some. */
    static String time(long micros) {
        long s = Math.floorDiv(micros, 1_000_000L), frac = Math.floorMod(micros, 1_000_000L);
        String t = String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return frac == 0 ? t : t + String.format(".%06d", frac);
    }
}

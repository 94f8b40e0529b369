package dev.mallard.io.parquet;

/**
 * Decodes the non-dictionary value encodings of a page into {@link RawValues}: PLAIN, RLE
 * (booleans), DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and
 * BYTE_STREAM_SPLIT. {@code n} is the number of values the page holds (its non-NULL rows); an
 * encoding that does not fit the column's physical type is an error, as is running out of bytes.
 */
final class ValueDecoder {
    private ValueDecoder() {}

    /** Julian day number of 1970-01-01: INT96 timestamps count days from the Julian epoch. */
    static final long JULIAN_EPOCH_DAY = 2_440_588;

    static void decode(int encoding, byte[] b, int off, int end, int type, int typeLength, int n, RawValues out) {
        // plain values take at least a bit each: bound n before allocating for it (the caller bounds the others)
        if (n < 0 || (encoding == Thrift.PLAIN || encoding == Thrift.BYTE_STREAM_SPLIT) && n > (end - off) * 8L + 64) {
            throw new ThriftCompactReader.Damaged("a page of " + n + " values in " + (end - off) + " bytes");
        }
        out.ensure(type, n);
        out.count = n;
        switch (encoding) {
            case Thrift.PLAIN -> plain(b, off, end, type, typeLength, n, out);
            case Thrift.RLE -> {
                if (type != Thrift.BOOLEAN) throw unsupported(encoding, type);
                // booleans in RLE carry a 4-byte length before the runs, like V1 levels
                need(off, 4, end);
                RleBitPackedDecoder d = new RleBitPackedDecoder(b, off + 4, end, 1);
                for (int i = 0; i < n; i++) out.bools[i] = d.next() != 0;
            }
            case Thrift.DELTA_BINARY_PACKED -> {
                long[] v = new DeltaBinaryPackedDecoder(b, off, end).readAll(n);
                if (v.length < n) throw new ThriftCompactReader.Damaged("a page with fewer values than its header says");
                if (type == Thrift.INT32) {
                    for (int i = 0; i < n; i++) out.ints[i] = (int) v[i];
                } else if (type == Thrift.INT64) {
                    System.arraycopy(v, 0, out.longs, 0, n);
                } else {
                    throw unsupported(encoding, type);
                }
            }
            case Thrift.DELTA_LENGTH_BYTE_ARRAY -> {
                if (type != Thrift.BYTE_ARRAY) throw unsupported(encoding, type);
                DeltaBinaryPackedDecoder lengths = new DeltaBinaryPackedDecoder(b, off, end);
                long[] len = lengths.readAll(n);
                slices(b, lengths.end(), end, len, n, out);
            }
            case Thrift.DELTA_BYTE_ARRAY -> {
                if (type != Thrift.BYTE_ARRAY && type != Thrift.FIXED_LEN_BYTE_ARRAY) throw unsupported(encoding, type);
                deltaByteArray(b, off, end, n, out);
            }
            case Thrift.BYTE_STREAM_SPLIT -> byteStreamSplit(b, off, end, type, typeLength, n, out);
            default -> throw unsupported(encoding, type);
        }
    }

    private static void plain(byte[] b, int off, int end, int type, int typeLength, int n, RawValues out) {
        switch (type) {
            case Thrift.BOOLEAN -> {
                need(off, (n + 7) / 8, end);
                for (int i = 0; i < n; i++) out.bools[i] = (b[off + (i >>> 3)] >>> (i & 7) & 1) != 0;
            }
            case Thrift.INT32 -> {
                need(off, 4L * n, end);
                for (int i = 0; i < n; i++) out.ints[i] = int32(b, off + 4 * i);
            }
            case Thrift.INT64 -> {
                need(off, 8L * n, end);
                for (int i = 0; i < n; i++) out.longs[i] = int64(b, off + 8 * i);
            }
            case Thrift.INT96 -> {
                need(off, 12L * n, end);
                for (int i = 0; i < n; i++) out.longs[i] = int96Micros(b, off + 12 * i);
            }
            case Thrift.FLOAT -> {
                need(off, 4L * n, end);
                for (int i = 0; i < n; i++) out.doubles[i] = Float.intBitsToFloat(int32(b, off + 4 * i));
            }
            case Thrift.DOUBLE -> {
                need(off, 8L * n, end);
                for (int i = 0; i < n; i++) out.doubles[i] = float64(b, off + 8 * i);
            }
            case Thrift.BYTE_ARRAY -> {
                out.data = b;
                int p = off;
                for (int i = 0; i < n; i++) {
                    need(p, 4, end);
                    int len = int32(b, p);
                    if (len < 0) throw new ThriftCompactReader.Damaged("a negative value length");
                    need(p + 4, len, end);
                    out.offsets[i] = p + 4;
                    out.lengths[i] = len;
                    p += 4 + len;
                }
            }
            case Thrift.FIXED_LEN_BYTE_ARRAY -> {
                need(off, (long) typeLength * n, end);
                out.data = b;
                for (int i = 0; i < n; i++) {
                    out.offsets[i] = off + typeLength * i;
                    out.lengths[i] = typeLength;
                }
            }
            default -> throw new ThriftCompactReader.Damaged("unknown physical type " + type);
        }
    }

    /** Values {@code data[start..)} of the given lengths, back to back. */
    private static void slices(byte[] b, int start, int end, long[] len, int n, RawValues out) {
        if (len.length < n) throw new ThriftCompactReader.Damaged("a page with fewer values than its header says");
        out.data = b;
        int p = start;
        for (int i = 0; i < n; i++) {
            if (len[i] < 0) throw new ThriftCompactReader.Damaged("a negative value length");
            need(p, len[i], end);
            out.offsets[i] = p;
            out.lengths[i] = (int) len[i];
            p += (int) len[i];
        }
    }

    /** Each value is a prefix of the previous one (its length first) followed by its own suffix. */
    private static void deltaByteArray(byte[] b, int off, int end, int n, RawValues out) {
        DeltaBinaryPackedDecoder prefixes = new DeltaBinaryPackedDecoder(b, off, end);
        long[] prefix = prefixes.readAll(n);
        DeltaBinaryPackedDecoder suffixes = new DeltaBinaryPackedDecoder(b, prefixes.end(), end);
        long[] suffix = suffixes.readAll(n);
        if (prefix.length < n || suffix.length < n) throw new ThriftCompactReader.Damaged("a page with fewer values than its header says");
        long total = 0;
        for (int i = 0; i < n; i++) total += prefix[i] + suffix[i];
        if (total > Integer.MAX_VALUE - 16) throw new ThriftCompactReader.Damaged("DELTA_BYTE_ARRAY values too long");
        byte[] data = new byte[(int) total];
        int p = suffixes.end(), w = 0, prevOff = 0, prevLen = 0;
        for (int i = 0; i < n; i++) {
            int pre = (int) prefix[i], suf = (int) suffix[i];
            if (pre < 0 || pre > prevLen || suf < 0) throw new ThriftCompactReader.Damaged("a damaged DELTA_BYTE_ARRAY prefix");
            need(p, suf, end);
            System.arraycopy(data, prevOff, data, w, pre);
            System.arraycopy(b, p, data, w + pre, suf);
            p += suf;
            out.offsets[i] = w;
            out.lengths[i] = pre + suf;
            prevOff = w;
            prevLen = pre + suf;
            w += pre + suf;
        }
        out.data = data;
    }

    /** Byte k of value i is at {@code k * n + i}: the streams of each byte position follow each other. */
    private static void byteStreamSplit(byte[] b, int off, int end, int type, int typeLength, int n, RawValues out) {
        int width = switch (type) {
            case Thrift.INT32, Thrift.FLOAT -> 4;
            case Thrift.INT64, Thrift.DOUBLE -> 8;
            case Thrift.FIXED_LEN_BYTE_ARRAY -> typeLength;
            default -> throw unsupported(Thrift.BYTE_STREAM_SPLIT, type);
        };
        need(off, (long) width * n, end);
        if (type == Thrift.FIXED_LEN_BYTE_ARRAY) {
            byte[] data = new byte[width * n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < width; k++) data[i * width + k] = b[off + k * n + i];
                out.offsets[i] = i * width;
                out.lengths[i] = width;
            }
            out.data = data;
            return;
        }
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int k = 0; k < width; k++) v |= (b[off + k * n + i] & 0xFFL) << (8 * k);
            switch (type) {
                case Thrift.INT32 -> out.ints[i] = (int) v;
                case Thrift.INT64 -> out.longs[i] = v;
                case Thrift.FLOAT -> out.doubles[i] = Float.intBitsToFloat((int) v);
                default -> out.doubles[i] = Double.longBitsToDouble(v);
            }
        }
    }

    // Plain values are little-endian: one load through a byte-array view instead of assembling bytes.
    private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle DOUBLE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(double[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    static int int32(byte[] b, int p) {
        return (int) INT.get(b, p);
    }

    static long int64(byte[] b, int p) {
        return (long) LONG.get(b, p);
    }

    static double float64(byte[] b, int p) {
        return (double) DOUBLE.get(b, p);
    }

    /**
     * Copies {@code n} plain values from {@code b[off..)} straight into {@code out} at {@code to}, for
     * columns whose Mallard form is the physical value as stored (see {@link ColumnKind#direct}).
     */
    static void plainInto(byte[] b, int off, int type, int n, dev.mallard.vector.Vector out, int to) {
        switch (type) {
            case Thrift.INT32 -> { int[] o = out.ints; for (int i = 0; i < n; i++) o[to + i] = int32(b, off + 4 * i); }
            case Thrift.INT64 -> { long[] o = out.longs; for (int i = 0; i < n; i++) o[to + i] = int64(b, off + 8 * i); }
            case Thrift.DOUBLE -> { double[] o = out.doubles; for (int i = 0; i < n; i++) o[to + i] = float64(b, off + 8 * i); }
            default -> throw new IllegalStateException("no direct copy of physical type " + type);
        }
    }

    /** Bytes a plain value of this physical type takes, or 0 when values vary in length. */
    static int plainWidth(int type) {
        return switch (type) {
            case Thrift.INT32, Thrift.FLOAT -> 4;
            case Thrift.INT64, Thrift.DOUBLE -> 8;
            case Thrift.INT96 -> 12;
            default -> 0;
        };
    }

    /** INT96 timestamps: nanoseconds of the day (8 bytes), then the Julian day (4 bytes). */
    static long int96Micros(byte[] b, int p) {
        long nanos = int64(b, p);
        long day = int32(b, p + 8) & 0xFFFFFFFFL;
        return (day - JULIAN_EPOCH_DAY) * 86_400_000_000L + Math.floorDiv(nanos, 1000);
    }

    private static void need(int at, long n, int end) {
        if (n > end - at) throw new ThriftCompactReader.Damaged("a page shorter than its values");
    }

    private static RuntimeException unsupported(int encoding, int type) {
        return new UnsupportedOperationException("encoding " + Thrift.encodingName(encoding) + " for " + Thrift.typeName(type)
                + " values is not supported");
    }
}

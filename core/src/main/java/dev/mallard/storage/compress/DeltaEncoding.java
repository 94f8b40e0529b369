package dev.mallard.storage.compress;

/**
 * The first value, then each difference to the previous value as a frame of reference over the
 * differences: sorted keys (an order key that rises by 0 to 7 from row to row) take 3 bits a row
 * where their range would need 20. Differences wrap like Java's long arithmetic, so any values
 * round-trip.
 */
public record DeltaEncoding(int count, long first, long base, int width) implements IntegerEncoding {
    static final int TAG = 3;

    static DeltaEncoding of(long[] values, IntegerStats s) {
        return new DeltaEncoding(s.count(), values[0], s.minDelta(), BitPacking.width(s.maxDelta() - s.minDelta()));
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public long size() {
        return 17 + BitPacking.bytes(count - 1, width);
    }

    @Override
    public void write(long[] values, int count, PayloadWriter out) {
        out.putLong(first).putLong(base).putByte(width);
        long[] deltas = new long[Math.max(count - 1, 0)];
        for (int i = 1; i < count; i++) deltas[i - 1] = values[i] - values[i - 1];
        BitPacking.pack(deltas, 0, deltas.length, base, width, out);
    }

    static IntegerDecoder reader(PayloadReader r, int count) {
        long first = r.getLong();
        long base = r.getLong();
        int width = IntegerCodec.width(r);
        int at = r.take(BitPacking.bytes(Math.max(count - 1, 0), width));
        byte[] src = r.array();
        return new IntegerDecoder() {
            private long index; // values decoded so far
            private long previous;

            @Override
            public void next(long[] out, int pos, int n) {
                int k = pos;
                if (index == 0 && n > 0) {
                    out[k++] = previous = first;
                    index = 1;
                }
                int deltas = pos + n - k;
                BitPacking.unpack(src, at, index - 1, width, base, out, k, deltas);
                long p = previous;
                for (int i = k; i < pos + n; i++) out[i] = p += out[i];
                previous = p;
                index += deltas;
            }
        };
    }
}

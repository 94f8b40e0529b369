package dev.mallard.storage.compress;

/**
 * Frame of reference over values that share a common factor: each value as
 * {@code base + factor * offset}, the offsets bit-packed. Decimals stored as scaled integers often
 * have one: TPC-H's quantities are whole numbers in a DECIMAL(15,2), multiples of 100, and take 6
 * bits a value instead of 13.
 */
public record ScaledEncoding(int count, long base, long factor, int width) implements IntegerEncoding {
    static final int TAG = 5;

    /** The encoding if the values (at least two distinct) have a common factor above 1 in their offsets from the minimum, else null. */
    static ScaledEncoding of(long[] values, IntegerStats s) {
        long span = s.max() - s.min();
        if (span <= 1) return null; // also spans of 2^63 and more, which do not fit a positive factor
        long factor = 0;
        for (int i = 0; i < s.count() && factor != 1; i++) factor = gcd(factor, values[i] - s.min());
        if (factor <= 1) return null;
        return new ScaledEncoding(s.count(), s.min(), factor, BitPacking.width(span / factor));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public long size() {
        return 17 + BitPacking.bytes(count, width);
    }

    @Override
    public void write(long[] values, int count, PayloadWriter out) {
        out.putLong(base).putLong(factor).putByte(width);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) offsets[i] = (values[i] - base) / factor;
        BitPacking.pack(offsets, 0, count, 0, width, out);
    }

    static IntegerDecoder reader(PayloadReader r, int count) {
        long base = r.getLong();
        long factor = r.getLong();
        int width = IntegerCodec.width(r);
        int at = r.take(BitPacking.bytes(count, width));
        byte[] src = r.array();
        return new IntegerDecoder() {
            private long index;

            @Override
            public void next(long[] out, int pos, int n) {
                BitPacking.unpack(src, at, index, width, 0, out, pos, n);
                for (int i = pos; i < pos + n; i++) out[i] = base + out[i] * factor;
                index += n;
            }
        };
    }
}

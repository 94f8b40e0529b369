package dev.mallard.storage.compress;

/**
 * Frame of reference: each value as its offset from the minimum in the fewest bits the range
 * needs (any width 0..64), e.g. dates of seven years in 12 bits, prices in cents below 2^24 in 24.
 * Decoding is a branch-free loop over 8-byte loads.
 */
public record BitPackedEncoding(int count, long base, int width) implements IntegerEncoding {
    static final int TAG = 2;

    static BitPackedEncoding of(IntegerStats s) {
        return new BitPackedEncoding(s.count(), s.min(), s.valueWidth());
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public long size() {
        return 9 + BitPacking.bytes(count, width);
    }

    @Override
    public void write(long[] values, int count, PayloadWriter out) {
        out.putLong(base).putByte(width);
        BitPacking.pack(values, 0, count, base, width, out);
    }

    static IntegerDecoder reader(PayloadReader r, int count) {
        long base = r.getLong();
        int width = IntegerCodec.width(r);
        int at = r.take(BitPacking.bytes(count, width));
        byte[] src = r.array();
        return new IntegerDecoder() {
            private long index;

            @Override
            public void next(long[] out, int pos, int n) {
                BitPacking.unpack(src, at, index, width, base, out, pos, n);
                index += n;
            }
        };
    }
}

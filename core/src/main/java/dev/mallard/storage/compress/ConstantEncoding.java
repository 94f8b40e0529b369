package dev.mallard.storage.compress;

import java.util.Arrays;

/** Every value is the same: stored once. */
public record ConstantEncoding(long value) implements IntegerEncoding {
    static final int TAG = 1;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public long size() {
        return 8;
    }

    @Override
    public void write(long[] values, int count, PayloadWriter out) {
        out.putLong(value);
    }

    static IntegerDecoder reader(PayloadReader r) {
        long value = r.getLong();
        return (out, pos, count) -> Arrays.fill(out, pos, pos + count, value);
    }
}

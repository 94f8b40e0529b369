package dev.mallard.storage.compress;

import java.util.Arrays;

/**
 * Runs of equal values as (value, length) pairs, both bit-packed: a sorted or clustered column
 * (a status flag, a dictionary code of a sorted string column) costs a few bits per run.
 */
public record RunLengthEncoding(int runs, long base, int valueWidth, int lengthWidth) implements IntegerEncoding {
    static final int TAG = 4;

    static RunLengthEncoding of(IntegerStats s) {
        return new RunLengthEncoding(s.runs(), s.min(), s.valueWidth(), BitPacking.width(s.longestRun() - 1L));
    }

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public long size() {
        return 14 + BitPacking.bytes(runs, valueWidth) + BitPacking.bytes(runs, lengthWidth);
    }

    @Override
    public void write(long[] values, int count, PayloadWriter out) {
        long[] runValues = new long[runs];
        long[] runLengths = new long[runs];
        int r = -1;
        for (int i = 0; i < count; i++) {
            if (i == 0 || values[i] != values[i - 1]) runValues[++r] = values[i];
            runLengths[r]++;
        }
        out.putInt(runs).putLong(base).putByte(valueWidth).putByte(lengthWidth);
        BitPacking.pack(runValues, 0, runs, base, valueWidth, out);
        BitPacking.pack(runLengths, 0, runs, 1, lengthWidth, out);
    }

    static IntegerDecoder reader(PayloadReader r, int count) {
        int runs = r.getCount(count, "a run count");
        long base = r.getLong();
        int valueWidth = IntegerCodec.width(r);
        int lengthWidth = IntegerCodec.width(r);
        long[] values = new long[runs];
        long[] lengths = new long[runs];
        BitPacking.unpack(r.array(), r.take(BitPacking.bytes(runs, valueWidth)), 0, valueWidth, base, values, 0, runs);
        BitPacking.unpack(r.array(), r.take(BitPacking.bytes(runs, lengthWidth)), 0, lengthWidth, 1, lengths, 0, runs);
        long total = 0;
        for (long n : lengths) {
            if (n < 1 || n > count) throw PayloadReader.corrupted("a run of " + n + " values");
            total += n;
        }
        if (total != count) throw PayloadReader.corrupted("runs of " + total + " values for " + count);
        return new IntegerDecoder() {
            private int run;
            private long left = runs > 0 ? lengths[0] : 0; // of the current run

            @Override
            public void next(long[] out, int pos, int n) {
                int end = pos + n;
                while (pos < end) {
                    if (left == 0) left = lengths[++run];
                    int k = (int) Math.min(left, end - pos);
                    Arrays.fill(out, pos, pos + k, values[run]);
                    pos += k;
                    left -= k;
                }
            }
        };
    }
}

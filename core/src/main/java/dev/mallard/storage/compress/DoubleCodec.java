package dev.mallard.storage.compress;

/**
 * The values of a DOUBLE segment: raw, or (in the spirit of ALP, Afroozeh and Boncz 2023) as
 * decimal digits when most values are short decimals: v = digits / 10^e exactly, for one exponent e
 * per segment, the digits through {@link IntegerCodec} and the values that do not round-trip
 * (NaN, infinities, -0.0, long fractions) kept raw as exceptions. Money or measurements with two
 * decimals then take the bits of their digit range instead of 64.
 */
public final class DoubleCodec {
    private DoubleCodec() {}

    static final int PLAIN = 1, DECIMAL = 2;
    private static final int MAX_EXPONENT = 18;
    private static final double[] POW10 = new double[MAX_EXPONENT + 1];
    /** Beyond 2^53 a long is not exact as a double. */
    private static final double EXACT = 0x1p53;
    private static final int SAMPLE = 256;

    static {
        double p = 1;
        for (int e = 0; e <= MAX_EXPONENT; e++, p *= 10) POW10[e] = p;
    }

    /** The digits of {@code v} at exponent {@code e}, or {@link Long#MIN_VALUE} if it does not round-trip. */
    private static long digits(double v, int e) {
        double scaled = v * POW10[e];
        if (!(Math.abs(scaled) < EXACT)) return Long.MIN_VALUE; // NaN and infinities fail too
        long d = Math.round(scaled);
        return Double.doubleToRawLongBits(d / POW10[e]) == Double.doubleToRawLongBits(v) ? d : Long.MIN_VALUE;
    }

    /** The exponent at which most of a sample of the values round-trip (the smallest of equals). */
    static int exponent(double[] values, int count) {
        int step = Math.max(1, count / SAMPLE);
        int best = 0, bestExact = -1;
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            int exact = 0, sampled = 0;
            for (int i = 0; i < count; i += step, sampled++) if (digits(values[i], e) != Long.MIN_VALUE) exact++;
            if (exact > bestExact) {
                best = e;
                bestExact = exact;
            }
            if (exact == sampled) break;
        }
        return best;
    }

    public static void write(double[] values, int count, PayloadWriter out) {
        int e = exponent(values, count);
        long[] digits = new long[count];
        long[] exceptions = new long[count];
        int n = 0;
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long d = digits(values[i], e);
            if (d == Long.MIN_VALUE) {
                exceptions[n++] = i;
                d = previous; // a neighbour's digits keep runs and deltas small
            }
            digits[i] = previous = d;
        }
        IntegerEncoding digitEncoding = IntegerCodec.choose(digits, count);
        long size = 2 + digitEncoding.size() + 4 + (n == 0 ? 0 : IntegerCodec.size(exceptions, n) + 8L * n);
        if (size >= 8L * count) {
            out.putByte(PLAIN);
            for (int i = 0; i < count; i++) out.putLong(Double.doubleToRawLongBits(values[i]));
            return;
        }
        out.putByte(DECIMAL).putByte(e);
        IntegerCodec.write(digitEncoding, digits, count, out);
        out.putInt(n);
        if (n > 0) {
            IntegerCodec.write(exceptions, n, out);
            for (int k = 0; k < n; k++) out.putLong(Double.doubleToRawLongBits(values[(int) exceptions[k]]));
        }
    }

    public static double[] read(PayloadReader r, int count) {
        int kind = r.getByte();
        switch (kind) {
            case PLAIN -> {
                double[] out = new double[count];
                for (int i = 0; i < count; i++) out[i] = Double.longBitsToDouble(r.getLong());
                return out;
            }
            case DECIMAL -> {
                int e = r.getByte();
                if (e > MAX_EXPONENT) throw PayloadReader.corrupted("a decimal exponent of " + e);
                double[] out = IntegerArrays.decimals(IntegerCodec.read(r, count), count, POW10[e]);
                int n = r.getCount(count, "a count of exceptions");
                if (n > 0) {
                    int[] positions = IntegerArrays.ints(IntegerCodec.read(r, n), n, 0, count - 1);
                    for (int p : positions) out[p] = Double.longBitsToDouble(r.getLong());
                }
                return out;
            }
            default -> throw PayloadReader.corrupted("doubles stored in an unknown way " + kind);
        }
    }

    /** "PLAIN" or "DECIMAL", for reports; consumes the kind. */
    public static String describe(PayloadReader r) {
        return r.getByte() == DECIMAL ? "DECIMAL" : "PLAIN";
    }
}

package dev.mallard.function;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.Int128;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Arithmetic on unscaled decimal values shared by casts, operators and aggregates. DECIMAL with
 * precision ≤ 18 is a {@code long}; wider ones are 128-bit (see {@link Int128}). Rounding is half
 * away from zero everywhere, as DuckDB and PostgreSQL round decimals.
 */
public final class DecimalMath {
    private static final long[] POW10 = new long[19];
    private static final BigInteger[] BIG_POW10 = new BigInteger[77];
    private static final double[] DOUBLE_POW10 = new double[39];

    static {
        long p = 1;
        for (int k = 0; k <= 18; k++) {
            POW10[k] = p;
            p *= 10;
        }
        BigInteger b = BigInteger.ONE;
        for (int k = 0; k < BIG_POW10.length; k++) {
            BIG_POW10[k] = b;
            b = b.multiply(BigInteger.TEN);
        }
        for (int k = 0; k < DOUBLE_POW10.length; k++) DOUBLE_POW10[k] = Double.parseDouble("1e" + k);
    }

    private DecimalMath() {}

    /** 10^k for k ≤ 18. */
    public static long pow10(int k) {
        return POW10[k];
    }

    public static BigInteger bigPow10(int k) {
        return BIG_POW10[k];
    }

    /** 10^k as a double, exact for k ≤ 22. */
    public static double doublePow10(int k) {
        return DOUBLE_POW10[k];
    }

    /** True when the type is stored as one long. */
    public static boolean isNarrow(LogicalType decimal) {
        return decimal.precision() <= LogicalType.MAX_INT64_DECIMAL_PRECISION;
    }

    /** a / b rounded half away from zero (b ≠ 0, |b| ≤ 10^18). */
    public static long divideRound(long a, long b) {
        long q = a / b;
        long r = a % b;
        if (r != 0 && Math.abs(r) >= Math.abs(b) - Math.abs(r)) q += ((a ^ b) < 0) ? -1 : 1;
        return q;
    }

    /** True when |v| < 10^digits. */
    public static boolean fits(long v, int digits) {
        if (digits >= 19) return true;
        long bound = POW10[digits];
        return v < bound && v > -bound;
    }

    public static boolean fits(BigInteger v, int digits) {
        return v.abs().compareTo(BIG_POW10[digits]) < 0;
    }

    /** The unscaled value at position i of a decimal vector, as a BigInteger (slow path). */
    public static BigInteger unscaled(Vector v, int i) {
        return isNarrow(v.type()) ? BigInteger.valueOf(v.longs[i]) : Int128.toBigInteger(v.highs[i], v.longs[i]);
    }

    /** Writes an unscaled value that fits the vector's precision class. */
    public static void store(Vector out, int i, BigInteger v) {
        out.longs[i] = v.longValue();
        if (!isNarrow(out.type())) out.highs[i] = Int128.high(v);
    }

    /** Changes the scale of an unscaled value, rounding half away from zero when it shrinks. */
    public static BigInteger rescale(BigInteger v, int fromScale, int toScale) {
        if (toScale == fromScale) return v;
        if (toScale > fromScale) return v.multiply(BIG_POW10[toScale - fromScale]);
        return new BigDecimal(v).divide(new BigDecimal(BIG_POW10[fromScale - toScale]), 0, RoundingMode.HALF_UP)
                .toBigIntegerExact();
    }

    /** The decimal at position i as a double (unscaled / 10^scale, correctly rounded in the common case). */
    public static double toDouble(Vector v, int i) {
        int scale = v.type().scale();
        if (isNarrow(v.type())) return toDouble(v.longs[i], scale);
        return toDouble(v.highs[i], v.longs[i], scale);
    }

    public static double toDouble(long unscaled, int scale) {
        // Both operands exact in double → one correctly rounded division.
        if (Math.abs(unscaled) < (1L << 53) && scale <= 22) return unscaled / DOUBLE_POW10[scale];
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    public static double toDouble(long high, long low, int scale) {
        if (Int128.fitsLong(high, low)) return toDouble(low, scale);
        return new BigDecimal(Int128.toBigInteger(high, low), scale).doubleValue();
    }
}

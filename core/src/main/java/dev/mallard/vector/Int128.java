package dev.mallard.vector;

import java.math.BigInteger;

/**
 * Helpers for 128-bit two's-complement integers held as (high, low) longs, the physical form of
 * DECIMAL(19..38) and of wide sums. The hot operations (add, subtract, compare, multiply of two
 * values that fit in 64 bits) allocate nothing: results that have two halves are written into
 * caller-owned arrays at a position — usually the {@code highs}/{@code longs} arrays of a vector
 * or an aggregate state — and overflow is reported through the return value. Division and
 * rescaling are rare and go through {@link BigInteger}.
 */
public final class Int128 {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    public static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();

    /** 10^k for k = 0..38 as (high, low) pairs. */
    private static final long[] POW10_HIGH = new long[39];
    private static final long[] POW10_LOW = new long[39];

    static {
        BigInteger p = BigInteger.ONE;
        for (int k = 0; k <= 38; k++) {
            POW10_HIGH[k] = high(p);
            POW10_LOW[k] = p.longValue();
            p = p.multiply(BigInteger.TEN);
        }
    }

    private Int128() {}

    public static BigInteger toBigInteger(long high, long low) {
        if (high == (low >> 63)) return BigInteger.valueOf(low);
        BigInteger lo = BigInteger.valueOf(low);
        if (low < 0) lo = lo.add(TWO_64);
        return BigInteger.valueOf(high).shiftLeft(64).add(lo);
    }

    /** High half of a value that fits in 128 bits. */
    public static long high(BigInteger v) {
        return v.shiftRight(64).longValue();
    }

    /** Low half of a value (the low 64 bits). */
    public static long low(BigInteger v) {
        return v.longValue();
    }

    /** True when {@code v} fits in 128 bits. */
    public static boolean fits(BigInteger v) {
        return v.bitLength() <= 127;
    }

    /** High half of a long widened to 128 bits. */
    public static long highOf(long v) {
        return v >> 63;
    }

    /** True when the value fits in a signed long. */
    public static boolean fitsLong(long high, long low) {
        return high == (low >> 63);
    }

    // ---- addition and subtraction ----------------------------------------------------------

    public static long addLow(long al, long bl) {
        return al + bl;
    }

    public static long addHigh(long ah, long al, long bh, long bl) {
        long lo = al + bl;
        long carry = Long.compareUnsigned(lo, al) < 0 ? 1 : 0;
        return ah + bh + carry;
    }

    /** True when a + b does not fit in 128 bits. */
    public static boolean addOverflows(long ah, long al, long bh, long bl) {
        long hi = addHigh(ah, al, bh, bl);
        // Overflow iff both operands have the same sign and the result's sign differs.
        return ((ah ^ hi) & (bh ^ hi)) < 0;
    }

    public static long subLow(long al, long bl) {
        return al - bl;
    }

    public static long subHigh(long ah, long al, long bh, long bl) {
        long borrow = Long.compareUnsigned(al, bl) < 0 ? 1 : 0;
        return ah - bh - borrow;
    }

    /** True when a - b does not fit in 128 bits. */
    public static boolean subOverflows(long ah, long al, long bh, long bl) {
        long hi = subHigh(ah, al, bh, bl);
        return ((ah ^ bh) & (ah ^ hi)) < 0;
    }

    /**
     * Adds the long {@code v} to the 128-bit value at {@code high[i]}:{@code low[i]}; returns false
     * (leaving the value wrapped) on overflow. This is the inner step of wide sums.
     */
    public static boolean addLongTo(long[] high, long[] low, int i, long v) {
        long al = low[i];
        long ah = high[i];
        long lo = al + v;
        long carry = Long.compareUnsigned(lo, al) < 0 ? 1 : 0;
        long vh = v >> 63;
        long hi = ah + vh + carry;
        low[i] = lo;
        high[i] = hi;
        return ((ah ^ hi) & (vh ^ hi)) >= 0;
    }

    /** Adds the 128-bit value (bh, bl) to {@code high[i]}:{@code low[i]}; false on overflow. */
    public static boolean addTo(long[] high, long[] low, int i, long bh, long bl) {
        long ah = high[i];
        long al = low[i];
        boolean ok = !addOverflows(ah, al, bh, bl);
        high[i] = addHigh(ah, al, bh, bl);
        low[i] = al + bl;
        return ok;
    }

    // ---- negation and comparison -------------------------------------------------------------

    public static long negateLow(long low) {
        return -low;
    }

    public static long negateHigh(long high, long low) {
        return low == 0 ? -high : ~high;
    }

    /** True for the one value whose negation does not fit: -2^127. */
    public static boolean negateOverflows(long high, long low) {
        return high == Long.MIN_VALUE && low == 0;
    }

    public static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compare(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    public static int signum(long high, long low) {
        return high < 0 ? -1 : (high == 0 && low == 0) ? 0 : 1;
    }

    // ---- multiplication ----------------------------------------------------------------------

    /**
     * Multiplies two 128-bit values and writes the product to {@code outHigh[i]}, {@code outLow[i]}.
     * Returns false, writing nothing, when the product does not fit in 128 bits.
     */
    public static boolean multiply(long ah, long al, long bh, long bl, long[] outHigh, long[] outLow, int i) {
        boolean negative = (ah ^ bh) < 0;
        // Work on magnitudes; -2^127 has no positive magnitude in 127 bits, so it only multiplies by ±1 and 0.
        long xh = ah, xl = al;
        if (ah < 0) {
            xh = negateHigh(ah, al);
            xl = -al;
        }
        long yh = bh, yl = bl;
        if (bh < 0) {
            yh = negateHigh(bh, bl);
            yl = -bl;
        }
        if (xh < 0 || yh < 0) return multiplySlow(ah, al, bh, bl, outHigh, outLow, i);
        if (xh != 0 && yh != 0) return false;
        // (xh*2^64 + xl) * (yh*2^64 + yl) with at most one of xh, yh non-zero.
        long lo = xl * yl;
        long hi = Math.unsignedMultiplyHigh(xl, yl);
        long cross = xh != 0 ? xh : yh;
        long other = xh != 0 ? yl : xl;
        if (cross != 0) {
            long crossHigh = Math.unsignedMultiplyHigh(cross, other);
            long crossLow = cross * other;
            if (crossHigh != 0) return false;
            long sum = hi + crossLow;
            if (Long.compareUnsigned(sum, hi) < 0) return false;
            hi = sum;
        }
        if (hi < 0) {
            // Magnitude ≥ 2^127: only -2^127 itself fits.
            if (!(negative && hi == Long.MIN_VALUE && lo == 0)) return false;
        }
        if (negative) {
            outHigh[i] = negateHigh(hi, lo);
            outLow[i] = -lo;
        } else {
            outHigh[i] = hi;
            outLow[i] = lo;
        }
        return true;
    }

    private static boolean multiplySlow(long ah, long al, long bh, long bl, long[] outHigh, long[] outLow, int i) {
        BigInteger p = toBigInteger(ah, al).multiply(toBigInteger(bh, bl));
        if (!fits(p)) return false;
        outHigh[i] = high(p);
        outLow[i] = p.longValue();
        return true;
    }

    /** Multiplies two longs into 128 bits (never overflows). */
    public static void multiplyLongs(long a, long b, long[] outHigh, long[] outLow, int i) {
        outLow[i] = a * b;
        outHigh[i] = Math.multiplyHigh(a, b);
    }

    // ---- powers of ten and decimal bounds ----------------------------------------------------

    public static long pow10High(int k) {
        return POW10_HIGH[k];
    }

    public static long pow10Low(int k) {
        return POW10_LOW[k];
    }

    /** True when |value| < 10^digits, i.e. the value fits DECIMAL(digits, s) unscaled. */
    public static boolean fitsDigits(long high, long low, int digits) {
        long ph = POW10_HIGH[digits], pl = POW10_LOW[digits];
        if (high >= 0) return compare(high, low, ph, pl) < 0;
        // value > -10^digits  <=>  -value < 10^digits
        long nh = negateHigh(ph, pl), nl = -pl;
        return compare(high, low, nh, nl) > 0;
    }

    /** Nearest double (hi * 2^64 + unsigned lo, rounded twice at most by half an ulp). */
    public static double toDouble(long high, long low) {
        if (fitsLong(high, low)) return low;
        return new java.math.BigDecimal(toBigInteger(high, low)).doubleValue();
    }

    public static String toString(long high, long low) {
        return fitsLong(high, low) ? Long.toString(low) : toBigInteger(high, low).toString();
    }
}

package dev.mallard.vector;

import java.math.BigInteger;

/** Helpers for 128-bit two's-complement integers held as (high, low) longs. */
public final class Int128 {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private Int128() {}

    public static BigInteger toBigInteger(long high, long low) {
        BigInteger lo = BigInteger.valueOf(low);
        if (low < 0) lo = lo.add(TWO_64);
        return BigInteger.valueOf(high).shiftLeft(64).add(lo);
    }
}

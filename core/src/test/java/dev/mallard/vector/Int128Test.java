package dev.mallard.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Int128Test {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();

    private static List<BigInteger> samples() {
        Random r = new Random(42);
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), MAX, MIN,
                BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(63), BigInteger.TEN.pow(38), BigInteger.TEN.pow(38).negate()));
        for (int i = 0; i < 300; i++) {
            int bits = 1 + r.nextInt(127);
            BigInteger v = new BigInteger(bits, r);
            out.add(r.nextBoolean() ? v : v.negate());
        }
        return out;
    }

    private static boolean fits(BigInteger v) {
        return v.compareTo(MAX) <= 0 && v.compareTo(MIN) >= 0;
    }

    @Test
    void arithmeticAgreesWithBigInteger() {
        long[] hi = new long[1], lo = new long[1];
        for (BigInteger a : samples()) {
            if (!fits(a)) continue;
            long ah = Int128.high(a), al = a.longValue();
            assertThat(Int128.toBigInteger(ah, al)).isEqualTo(a);
            for (BigInteger b : samples()) {
                if (!fits(b)) continue;
                long bh = Int128.high(b), bl = b.longValue();
                BigInteger sum = a.add(b), diff = a.subtract(b), product = a.multiply(b);
                assertThat(Int128.addOverflows(ah, al, bh, bl)).isEqualTo(!fits(sum));
                if (fits(sum)) assertThat(Int128.toBigInteger(Int128.addHigh(ah, al, bh, bl), Int128.addLow(al, bl))).isEqualTo(sum);
                assertThat(Int128.subOverflows(ah, al, bh, bl)).isEqualTo(!fits(diff));
                if (fits(diff)) assertThat(Int128.toBigInteger(Int128.subHigh(ah, al, bh, bl), Int128.subLow(al, bl))).isEqualTo(diff);
                assertThat(Int128.multiply(ah, al, bh, bl, hi, lo, 0)).as(a + " * " + b).isEqualTo(fits(product));
                if (fits(product)) assertThat(Int128.toBigInteger(hi[0], lo[0])).isEqualTo(product);
                assertThat(Integer.signum(Int128.compare(ah, al, bh, bl))).isEqualTo(a.compareTo(b));
            }
        }
    }

    @Test
    void accumulatingLongsAndDecimalBounds() {
        long[] hi = {0}, lo = {0};
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < 1000; i++) {
            long v = i % 2 == 0 ? Long.MAX_VALUE : Long.MIN_VALUE + i;
            assertThat(Int128.addLongTo(hi, lo, 0, v)).isTrue();
            expected = expected.add(BigInteger.valueOf(v));
        }
        assertThat(Int128.toBigInteger(hi[0], lo[0])).isEqualTo(expected);
        BigInteger p38 = BigInteger.TEN.pow(38);
        assertThat(Int128.fitsDigits(Int128.high(p38.subtract(BigInteger.ONE)), p38.subtract(BigInteger.ONE).longValue(), 38)).isTrue();
        assertThat(Int128.fitsDigits(Int128.high(p38), p38.longValue(), 38)).isFalse();
        assertThat(Int128.fitsDigits(Int128.high(p38.negate()), p38.negate().longValue(), 38)).isFalse();
        assertThat(Int128.fitsDigits(-1, -999, 3)).isTrue();
        assertThat(Int128.fitsDigits(-1, -1000, 3)).isFalse();
        assertThat(Int128.toDouble(Int128.high(p38), p38.longValue())).isEqualTo(1e38);
    }
}

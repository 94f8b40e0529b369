package dev.mallard.function.aggregate;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateState;
import dev.mallard.function.DecimalMath;
import dev.mallard.vector.Int128;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * sum and avg of BIGINT and DECIMAL in a 128-bit integer per group (two {@code long}s), so sums stay
 * exact far beyond 64 bits with no allocation. sum gives DECIMAL(38, s) (DuckDB: HUGEINT for
 * BIGINT, DECIMAL(38, s) for decimals) and errors when the sum leaves 38 digits; avg gives the
 * DOUBLE nearest to sum / count / 10^s.
 */
final class WideSumState implements AggregateState {
    private final boolean average;
    private final boolean wideInput;
    private final int scale;
    private long[] highs = new long[0];
    private long[] lows = new long[0];
    private long[] counts = new long[0];

    /**
     * @param wideInput the argument is DECIMAL with precision over 18 (two longs per value)
     * @param scale     the argument's scale (0 for BIGINT)
     */
    WideSumState(boolean average, boolean wideInput, int scale) {
        this.average = average;
        this.wideInput = wideInput;
        this.scale = scale;
    }

    @Override
    public void ensureGroups(int groups) {
        highs = Capacity.grow(highs, groups);
        lows = Capacity.grow(lows, groups);
        counts = Capacity.grow(counts, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        boolean nulls = v.mayHaveNulls();
        long[] hi = highs, lo = lows, c = counts, x = v.longs;
        if (!wideInput) {
            for (int k = 0; k < count; k++) {
                int i = sel == null ? k : sel[k];
                if (nulls && v.isNull(i)) continue;
                int g = groups[k];
                if (!Int128.addLongTo(hi, lo, g, x[i])) throw overflow();
                c[g]++;
            }
            return;
        }
        long[] xh = v.highs;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (nulls && v.isNull(i)) continue;
            int g = groups[k];
            if (!Int128.addTo(hi, lo, g, xh[i], x[i])) throw overflow();
            c[g]++;
        }
    }

    private static MallardException overflow() {
        return MallardException.Data.outOfRange("Overflow in SUM: the result does not fit in 128 bits");
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        WideSumState o = (WideSumState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            if (!Int128.addTo(highs, lows, t, o.highs[g], o.lows[g])) throw overflow();
            counts[t] += o.counts[g];
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        long n = counts[group];
        if (n == 0) {
            out.setNull(pos);
            return;
        }
        long hi = highs[group], lo = lows[group];
        if (average) {
            out.setNull(pos, false);
            double denominator = scale <= 22 ? (double) n * DecimalMath.doublePow10(scale) : Double.POSITIVE_INFINITY;
            if (Int128.fitsLong(hi, lo) && Math.abs(lo) < (1L << 53) && denominator < 0x1p53) {
                // Numerator and denominator are exact doubles, so the division rounds once.
                out.doubles[pos] = lo / denominator;
                return;
            }
            BigDecimal sum = new BigDecimal(Int128.toBigInteger(hi, lo), scale);
            out.doubles[pos] = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
            return;
        }
        if (!Int128.fitsDigits(hi, lo, 38)) {
            throw MallardException.Data.outOfRange("Overflow in SUM: " + Int128.toString(hi, lo) + " does not fit DECIMAL(38)");
        }
        out.setNull(pos, false);
        out.longs[pos] = lo;
        out.highs[pos] = hi;
    }

    @Override
    public void clear(int group) {
        highs[group] = 0;
        lows[group] = 0;
        counts[group] = 0;
    }
}

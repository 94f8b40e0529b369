package dev.mallard.function.cast;

import dev.mallard.function.DecimalMath;
import dev.mallard.function.RowKernel;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Int128;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Casts among BOOLEAN, the integers, REAL, DOUBLE and DECIMAL. Range checks fail with
 * {@link CastFailed#OUT_OF_RANGE}. Rounding follows DuckDB: DECIMAL → integer and any → DECIMAL
 * round half away from zero; REAL/DOUBLE → integer round half to even (C's nearbyint), so
 * {@code 2.5::DOUBLE::INTEGER} is 2 while {@code 2.5::INTEGER} (a decimal) is 3.
 */
final class NumericCasts {
    private NumericCasts() {}

    /** Which storage a numeric type uses; decides the conversion loop body. */
    private enum Kind { BOOL, INT32, INT64, FLOAT, DEC64, DEC128 }

    private static Kind kind(LogicalType t) {
        return switch (t.id()) {
            case BOOLEAN -> Kind.BOOL;
            case TINYINT, SMALLINT, INTEGER -> Kind.INT32;
            case BIGINT -> Kind.INT64;
            case REAL, DOUBLE -> Kind.FLOAT;
            case DECIMAL -> DecimalMath.isNarrow(t) ? Kind.DEC64 : Kind.DEC128;
            default -> throw new IllegalArgumentException(t + " is not numeric");
        };
    }

    static boolean handles(LogicalType t) {
        return t.id() == TypeId.BOOLEAN || t.isNumeric();
    }

    static long minOf(TypeId t) {
        return switch (t) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    static long maxOf(TypeId t) {
        return switch (t) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** True when every value of {@code from} converts to {@code to} without error. */
    static boolean infallible(LogicalType from, LogicalType to) {
        if (to.id() == TypeId.BOOLEAN || to.id() == TypeId.DOUBLE) return true;
        if (to.id() == TypeId.REAL) return from.id() != TypeId.DOUBLE;
        if (from.id() == TypeId.BOOLEAN) return !to.isDecimal() || to.precision() > to.scale();
        if (from.isInteger() && to.isInteger()) return maxOf(to.id()) >= maxOf(from.id());
        if ((from.isInteger() || from.isDecimal()) && to.isDecimal()) {
            int fromScale = from.isDecimal() ? from.scale() : 0;
            return to.scale() >= fromScale && to.precision() - to.scale() >= from.integerDigits();
        }
        return false;
    }

    static RowKernel step(LogicalType from, LogicalType to) {
        Kind src = kind(from);
        return switch (to.id()) {
            case BOOLEAN -> toBoolean(src);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> toInteger(from, to, src);
            case REAL -> toFloating(from, src, true);
            case DOUBLE -> toFloating(from, src, false);
            case DECIMAL -> toDecimal(from, to, src);
            default -> throw new IllegalArgumentException(to + " is not numeric");
        };
    }

    private static RowKernel toBoolean(Kind src) {
        return switch (src) {
            case BOOL -> (a, i, o) -> o.bools[i] = a[0].bools[i];
            case INT32 -> (a, i, o) -> o.bools[i] = a[0].ints[i] != 0;
            case INT64, DEC64 -> (a, i, o) -> o.bools[i] = a[0].longs[i] != 0;
            case FLOAT -> (a, i, o) -> o.bools[i] = a[0].doubles[i] != 0;
            case DEC128 -> (a, i, o) -> o.bools[i] = a[0].longs[i] != 0 || a[0].highs[i] != 0;
        };
    }

    private static RowKernel toInteger(LogicalType from, LogicalType to, Kind src) {
        long min = minOf(to.id()), max = maxOf(to.id());
        boolean wide = to.id() == TypeId.BIGINT;
        int scale = from.isDecimal() ? from.scale() : 0;
        if (!wide) {
            return switch (src) {
                case BOOL -> (a, i, o) -> o.ints[i] = a[0].bools[i] ? 1 : 0;
                case INT32 -> (a, i, o) -> o.ints[i] = (int) checkRange(a[0].ints[i], min, max);
                case INT64 -> (a, i, o) -> o.ints[i] = (int) checkRange(a[0].longs[i], min, max);
                case FLOAT -> (a, i, o) -> o.ints[i] = (int) checkRange(roundToLong(a[0].doubles[i]), min, max);
                case DEC64 -> (a, i, o) -> o.ints[i] = (int) checkRange(DecimalMath.divideRound(a[0].longs[i], DecimalMath.pow10(scale)), min, max);
                case DEC128 -> (a, i, o) -> o.ints[i] = (int) checkRange(wideToLong(a[0].highs[i], a[0].longs[i], scale), min, max);
            };
        }
        return switch (src) {
            case BOOL -> (a, i, o) -> o.longs[i] = a[0].bools[i] ? 1 : 0;
            case INT32 -> (a, i, o) -> o.longs[i] = a[0].ints[i];
            case INT64 -> (a, i, o) -> o.longs[i] = a[0].longs[i];
            case FLOAT -> (a, i, o) -> o.longs[i] = roundToLong(a[0].doubles[i]);
            case DEC64 -> (a, i, o) -> o.longs[i] = DecimalMath.divideRound(a[0].longs[i], DecimalMath.pow10(scale));
            case DEC128 -> (a, i, o) -> o.longs[i] = wideToLong(a[0].highs[i], a[0].longs[i], scale);
        };
    }

    private static long checkRange(long v, long min, long max) {
        if (v < min || v > max) throw CastFailed.OUT_OF_RANGE;
        return v;
    }

    /** Round half to even into a long; NaN, infinities and values beyond ±2^63 fail. */
    static long roundToLong(double d) {
        double r = Math.rint(d);
        if (!(r >= -0x1p63 && r < 0x1p63)) throw CastFailed.OUT_OF_RANGE;
        return (long) r;
    }

    private static long wideToLong(long high, long low, int scale) {
        BigInteger v = DecimalMath.rescale(Int128.toBigInteger(high, low), scale, 0);
        if (v.bitLength() > 63) throw CastFailed.OUT_OF_RANGE;
        return v.longValue();
    }

    private static RowKernel toFloating(LogicalType from, Kind src, boolean toReal) {
        int scale = from.isDecimal() ? from.scale() : 0;
        if (toReal) {
            return switch (src) {
                case BOOL -> (a, i, o) -> o.doubles[i] = a[0].bools[i] ? 1 : 0;
                case INT32 -> (a, i, o) -> o.doubles[i] = (float) a[0].ints[i];
                case INT64 -> (a, i, o) -> o.doubles[i] = (float) a[0].longs[i];
                case FLOAT -> (a, i, o) -> o.doubles[i] = toFloat(a[0].doubles[i]);
                case DEC64 -> (a, i, o) -> o.doubles[i] = (float) DecimalMath.toDouble(a[0].longs[i], scale);
                case DEC128 -> (a, i, o) -> o.doubles[i] = (float) DecimalMath.toDouble(a[0].highs[i], a[0].longs[i], scale);
            };
        }
        return switch (src) {
            case BOOL -> (a, i, o) -> o.doubles[i] = a[0].bools[i] ? 1 : 0;
            case INT32 -> (a, i, o) -> o.doubles[i] = a[0].ints[i];
            case INT64 -> (a, i, o) -> o.doubles[i] = a[0].longs[i];
            case FLOAT -> (a, i, o) -> o.doubles[i] = a[0].doubles[i];
            case DEC64 -> (a, i, o) -> o.doubles[i] = DecimalMath.toDouble(a[0].longs[i], scale);
            case DEC128 -> (a, i, o) -> o.doubles[i] = DecimalMath.toDouble(a[0].highs[i], a[0].longs[i], scale);
        };
    }

    /** DOUBLE → REAL: a finite value too large for float fails instead of becoming infinity. */
    static float toFloat(double d) {
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) throw CastFailed.OUT_OF_RANGE;
        return f;
    }

    private static RowKernel toDecimal(LogicalType from, LogicalType to, Kind src) {
        int p = to.precision(), s = to.scale();
        boolean narrow = DecimalMath.isNarrow(to);
        if (narrow) {
            long factor = DecimalMath.pow10(s);
            return switch (src) {
                case BOOL -> (a, i, o) -> o.longs[i] = fitNarrow(a[0].bools[i] ? factor : 0, p);
                case INT32 -> (a, i, o) -> o.longs[i] = fitNarrow(scaleUp(a[0].ints[i], factor), p);
                case INT64 -> (a, i, o) -> o.longs[i] = fitNarrow(scaleUp(a[0].longs[i], factor), p);
                case FLOAT -> (a, i, o) -> o.longs[i] = fitNarrow(doubleToUnscaled(a[0].doubles[i], s), p);
                case DEC64 -> {
                    int fromScale = from.scale();
                    if (s >= fromScale) {
                        long up = DecimalMath.pow10(s - fromScale);
                        yield (a, i, o) -> o.longs[i] = fitNarrow(scaleUp(a[0].longs[i], up), p);
                    }
                    long down = DecimalMath.pow10(fromScale - s);
                    yield (a, i, o) -> o.longs[i] = fitNarrow(DecimalMath.divideRound(a[0].longs[i], down), p);
                }
                case DEC128 -> {
                    int fromScale = from.scale();
                    yield (a, i, o) -> o.longs[i] = fitWide(DecimalMath.rescale(
                            Int128.toBigInteger(a[0].highs[i], a[0].longs[i]), fromScale, s), p).longValue();
                }
            };
        }
        int fromScale = from.isDecimal() ? from.scale() : 0;
        return switch (src) {
            case BOOL -> (a, i, o) -> DecimalMath.store(o, i, fitWide(a[0].bools[i] ? DecimalMath.bigPow10(s) : BigInteger.ZERO, p));
            case INT32 -> (a, i, o) -> storeScaledLong(o, i, a[0].ints[i], s, p);
            case INT64 -> (a, i, o) -> storeScaledLong(o, i, a[0].longs[i], s, p);
            case FLOAT -> (a, i, o) -> DecimalMath.store(o, i, fitWide(doubleToBigUnscaled(a[0].doubles[i], s), p));
            case DEC64 -> (a, i, o) -> DecimalMath.store(o, i, fitWide(DecimalMath.rescale(BigInteger.valueOf(a[0].longs[i]), fromScale, s), p));
            case DEC128 -> (a, i, o) -> DecimalMath.store(o, i, fitWide(DecimalMath.rescale(
                    Int128.toBigInteger(a[0].highs[i], a[0].longs[i]), fromScale, s), p));
        };
    }

    private static long scaleUp(long v, long factor) {
        long hi = Math.multiplyHigh(v, factor);
        long lo = v * factor;
        if (hi != (lo >> 63)) throw CastFailed.OUT_OF_RANGE;
        return lo;
    }

    private static long fitNarrow(long v, int precision) {
        if (!DecimalMath.fits(v, precision)) throw CastFailed.OUT_OF_RANGE;
        return v;
    }

    private static BigInteger fitWide(BigInteger v, int precision) {
        if (!DecimalMath.fits(v, precision)) throw CastFailed.OUT_OF_RANGE;
        return v;
    }

    /** An integer times 10^scale into a 128-bit decimal vector, without BigInteger when scale ≤ 18. */
    private static void storeScaledLong(dev.mallard.vector.Vector o, int i, long v, int scale, int precision) {
        if (scale <= 18) {
            Int128.multiplyLongs(v, DecimalMath.pow10(scale), o.highs, o.longs, i);
            if (!Int128.fitsDigits(o.highs[i], o.longs[i], precision)) throw CastFailed.OUT_OF_RANGE;
            return;
        }
        DecimalMath.store(o, i, fitWide(BigInteger.valueOf(v).multiply(DecimalMath.bigPow10(scale)), precision));
    }

    /**
     * x · 10^scale rounded half away from zero, computed in double as DuckDB does
     * (so 0.15 → DECIMAL(3,1) is 0.2, because 0.15 · 10 rounds to 1.5 in double).
     */
    static long doubleToUnscaled(double x, int scale) {
        if (Double.isNaN(x) || Double.isInfinite(x)) throw CastFailed.OUT_OF_RANGE;
        double scaled = x * DecimalMath.doublePow10(scale);
        double mag = Math.abs(scaled);
        double floor = Math.floor(mag);
        if (mag - floor >= 0.5) floor += 1;
        if (floor >= 0x1p63) throw CastFailed.OUT_OF_RANGE;
        long r = (long) floor;
        return scaled < 0 ? -r : r;
    }

    static BigInteger doubleToBigUnscaled(double x, int scale) {
        if (Double.isNaN(x) || Double.isInfinite(x)) throw CastFailed.OUT_OF_RANGE;
        double scaled = x * DecimalMath.doublePow10(scale);
        if (Math.abs(scaled) < 0x1p62) return BigInteger.valueOf(doubleToUnscaled(x, scale));
        if (Double.isInfinite(scaled)) throw CastFailed.OUT_OF_RANGE;
        return new BigDecimal(scaled).setScale(0, RoundingMode.HALF_UP).toBigInteger();
    }
}

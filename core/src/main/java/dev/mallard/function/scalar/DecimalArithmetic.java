package dev.mallard.function.scalar;

import static dev.mallard.function.scalar.ArithmeticErrors.overflow;

import dev.mallard.MallardException;
import dev.mallard.function.DecimalMath;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarFunction;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Int128;
import java.math.BigInteger;
import java.util.List;

/**
 * DECIMAL operators with DuckDB's result types:
 * <ul>
 *   <li>{@code + -}: scale max(s1, s2), precision max(p1 - s1, p2 - s2) + scale + 1, at most 38;
 *       when only the extra digit would push a result past 18 digits it stays DECIMAL(18, s) and
 *       the sum is checked, so it keeps fitting in a long (DuckDB). Both operands are first rescaled
 *       to the result scale, so the kernel adds unscaled values.</li>
 *   <li>{@code *}: scale s1 + s2 (more than 38 is an error), precision p1 + p2; when both operands
 *       fit 64 bits and the scale is below 18 the precision is capped at 18 so the product stays in
 *       a long (checked at run time); otherwise it is capped at 38 (checked).</li>
 *   <li>{@code %}: scale max(s1, s2), precision max(p1 - s1, p2 - s2) + scale; DOUBLE when an
 *       operand cannot be rescaled within 38 digits.</li>
 * </ul>
 * Results that exceed the precision are errors.
 */
final class DecimalArithmetic {
    private DecimalArithmetic() {}

    private static final int MAX = LogicalType.MAX_DECIMAL_PRECISION;

    static ScalarFunction bindAddOrSubtract(String name, List<LogicalType> args) {
        LogicalType l = args.get(0), r = args.get(1);
        int scale = Math.max(l.scale(), r.scale());
        int digits = Math.max(l.precision() - l.scale(), r.precision() - r.scale());
        int precision = digits + scale + 1;
        if (precision > LogicalType.MAX_INT64_DECIMAL_PRECISION && digits + scale <= LogicalType.MAX_INT64_DECIMAL_PRECISION) {
            precision = LogicalType.MAX_INT64_DECIMAL_PRECISION;
        }
        precision = Math.min(MAX, precision);
        LogicalType result = LogicalType.decimal(precision, scale);
        LogicalType lt = LogicalType.decimal(Math.min(MAX, l.precision() - l.scale() + scale), scale);
        LogicalType rt = LogicalType.decimal(Math.min(MAX, r.precision() - r.scale() + scale), scale);
        boolean subtract = name.equals("-");
        return new ScalarFunction(name, List.of(lt, rt), result, Kernels.strict(addKernel(lt, rt, result, subtract)), true);
    }

    private static RowKernel addKernel(LogicalType lt, LogicalType rt, LogicalType result, boolean subtract) {
        String symbol = subtract ? "-" : "+";
        String operation = subtract ? "subtraction" : "addition";
        int p = result.precision();
        String typeName = "DECIMAL(" + p + ")";
        if (DecimalMath.isNarrow(result)) {
            // Operands below 10^18 cannot overflow a long; the result may still exceed p digits when p was capped at 18.
            return subtract ? (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i], r = x - y;
                if (!DecimalMath.fits(r, p)) throw overflow(operation, typeName, x, symbol, y);
                o.longs[i] = r;
            } : (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i], r = x + y;
                if (!DecimalMath.fits(r, p)) throw overflow(operation, typeName, x, symbol, y);
                o.longs[i] = r;
            };
        }
        boolean wideL = !DecimalMath.isNarrow(lt), wideR = !DecimalMath.isNarrow(rt);
        return (a, i, o) -> {
            long al = a[0].longs[i], ah = wideL ? a[0].highs[i] : al >> 63;
            long bl = a[1].longs[i], bh = wideR ? a[1].highs[i] : bl >> 63;
            if (subtract) {
                bh = Int128.negateHigh(bh, bl);
                bl = -bl;
            }
            long hi = Int128.addHigh(ah, al, bh, bl), lo = al + bl;
            if (Int128.addOverflows(ah, al, bh, bl) || !Int128.fitsDigits(hi, lo, p)) {
                throw overflow(operation, typeName, Int128.toString(ah, al), symbol,
                        subtract ? Int128.toString(Int128.negateHigh(bh, bl), -bl) : Int128.toString(bh, bl));
            }
            o.longs[i] = lo;
            o.highs[i] = hi;
        };
    }

    static ScalarFunction bindMultiply(String name, List<LogicalType> args) {
        LogicalType l = args.get(0), r = args.get(1);
        int scale = l.scale() + r.scale();
        if (scale > MAX) {
            throw new MallardException.Binder("Needed scale " + scale + " to represent the multiplication of " + l + " and " + r
                    + " exactly, but DECIMAL allows at most 38; cast an operand to DOUBLE or to a decimal with a smaller scale");
        }
        int precision = l.precision() + r.precision();
        boolean narrowOperands = DecimalMath.isNarrow(l) && DecimalMath.isNarrow(r);
        if (precision > LogicalType.MAX_INT64_DECIMAL_PRECISION && narrowOperands && scale < LogicalType.MAX_INT64_DECIMAL_PRECISION) {
            precision = LogicalType.MAX_INT64_DECIMAL_PRECISION;
        }
        precision = Math.min(precision, MAX);
        LogicalType result = LogicalType.decimal(precision, scale);
        return new ScalarFunction(name, List.of(l, r), result, Kernels.strict(multiplyKernel(l, r, result)), true);
    }

    private static RowKernel multiplyKernel(LogicalType l, LogicalType r, LogicalType result) {
        int p = result.precision();
        String typeName = "DECIMAL(" + p + ")";
        if (DecimalMath.isNarrow(result)) {
            long bound = DecimalMath.pow10(p);
            return (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i], v = x * y;
                if (Math.multiplyHigh(x, y) != (v >> 63) || v >= bound || v <= -bound) {
                    throw overflow("multiplication", typeName, x, "*", y);
                }
                o.longs[i] = v;
            };
        }
        boolean wideL = !DecimalMath.isNarrow(l), wideR = !DecimalMath.isNarrow(r);
        return (a, i, o) -> {
            long al = a[0].longs[i], ah = wideL ? a[0].highs[i] : al >> 63;
            long bl = a[1].longs[i], bh = wideR ? a[1].highs[i] : bl >> 63;
            if (!Int128.multiply(ah, al, bh, bl, o.highs, o.longs, i) || !Int128.fitsDigits(o.highs[i], o.longs[i], p)) {
                throw overflow("multiplication", typeName, Int128.toString(ah, al), "*", Int128.toString(bh, bl));
            }
        };
    }

    static ScalarFunction bindModulo(String name, List<LogicalType> args) {
        LogicalType l = args.get(0), r = args.get(1);
        int scale = Math.max(l.scale(), r.scale());
        if (l.precision() - l.scale() + scale > MAX || r.precision() - r.scale() + scale > MAX) {
            // Rescaling an operand would need more than 38 digits: DuckDB falls back to DOUBLE.
            return new ScalarFunction(name, List.of(LogicalType.DOUBLE, LogicalType.DOUBLE), LogicalType.DOUBLE,
                    Kernels.strict((a, i, o) -> {
                        if (a[1].doubles[i] == 0) throw MallardException.Data.divisionByZero();
                        o.doubles[i] = a[0].doubles[i] % a[1].doubles[i];
                    }), true);
        }
        int digits = Math.max(l.precision() - l.scale(), r.precision() - r.scale());
        LogicalType result = LogicalType.decimal(Math.min(MAX, Math.max(1, digits + scale)), scale);
        LogicalType lt = LogicalType.decimal(Math.min(MAX, l.precision() - l.scale() + scale), scale);
        LogicalType rt = LogicalType.decimal(Math.min(MAX, r.precision() - r.scale() + scale), scale);
        RowKernel k;
        if (DecimalMath.isNarrow(lt) && DecimalMath.isNarrow(rt)) {
            boolean narrowOut = DecimalMath.isNarrow(result);
            k = (a, i, o) -> {
                long y = a[1].longs[i];
                if (y == 0) throw MallardException.Data.divisionByZero();
                long v = a[0].longs[i] % y;
                o.longs[i] = v;
                if (!narrowOut) o.highs[i] = v >> 63;
            };
        } else {
            k = (a, i, o) -> {
                BigInteger y = DecimalMath.unscaled(a[1], i);
                if (y.signum() == 0) throw MallardException.Data.divisionByZero();
                DecimalMath.store(o, i, DecimalMath.unscaled(a[0], i).remainder(y));
            };
        }
        return new ScalarFunction(name, List.of(lt, rt), result, Kernels.strict(k), true);
    }

    static ScalarFunction bindNegate(String name, List<LogicalType> args) {
        LogicalType t = args.get(0);
        RowKernel k = DecimalMath.isNarrow(t) ? (a, i, o) -> o.longs[i] = -a[0].longs[i]
                : (a, i, o) -> {
                    long lo = a[0].longs[i], hi = a[0].highs[i];
                    o.highs[i] = Int128.negateHigh(hi, lo);
                    o.longs[i] = -lo;
                };
        return new ScalarFunction(name, List.of(t), t, Kernels.strict(k), true);
    }

    static ScalarFunction bindAbs(String name, List<LogicalType> args) {
        LogicalType t = args.get(0);
        RowKernel k = DecimalMath.isNarrow(t) ? (a, i, o) -> o.longs[i] = Math.abs(a[0].longs[i])
                : (a, i, o) -> {
                    long lo = a[0].longs[i], hi = a[0].highs[i];
                    if (hi < 0) {
                        o.highs[i] = Int128.negateHigh(hi, lo);
                        o.longs[i] = -lo;
                    } else {
                        o.highs[i] = hi;
                        o.longs[i] = lo;
                    }
                };
        return new ScalarFunction(name, List.of(t), t, Kernels.strict(k), true);
    }
}

package dev.mallard.function.scalar;

import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.DECIMAL;
import static dev.mallard.types.TypeId.DOUBLE;
import static dev.mallard.types.TypeId.INTEGER;
import static dev.mallard.types.TypeId.REAL;
import static dev.mallard.types.TypeId.SMALLINT;
import static dev.mallard.types.TypeId.TINYINT;

import dev.mallard.MallardException;
import dev.mallard.function.ConstantAwareBinding;
import dev.mallard.function.DecimalMath;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.Signature;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Int128;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Numeric functions (DuckDB semantics): abs, sign (TINYINT), ceil/floor/round/trunc keeping
 * integer types and giving DECIMAL(p, 0) for decimals, round(x, n), sqrt/cbrt, exp/ln/log10/log2/log,
 * power, trigonometry, gcd/lcm, pi, random, isnan/isinf/isfinite, even, factorial, degrees/radians.
 * round uses half away from zero for every type (unlike casts from DOUBLE). Logarithms of zero or
 * negative numbers and square roots of negative numbers are errors, as in DuckDB.
 *
 * <p>round(DECIMAL(p, s), n) is DECIMAL(p, n) when n is a constant the binder passes along, and
 * DOUBLE otherwise (DuckDB rejects a non-constant n).
 */
public final class MathFunctions {
    private MathFunctions() {}

    private static final TypeId[] INTEGERS = {TINYINT, SMALLINT, INTEGER, BIGINT};
    private static final LogicalType D = LogicalType.DOUBLE;

    public static void register(FunctionCatalog c) {
        for (TypeId id : INTEGERS) {
            LogicalType t = LogicalType.of(id);
            c.addScalar("abs", Signature.of(id), t, Kernels.strict(IntegerArithmetic.abs(t)));
            c.addScalar("sign", Signature.of(id), LogicalType.TINYINT, Kernels.strict(id == BIGINT
                    ? (a, i, o) -> o.ints[i] = Long.signum(a[0].longs[i]) : (a, i, o) -> o.ints[i] = Integer.signum(a[0].ints[i])));
            for (String name : List.of("ceil", "floor", "round", "trunc")) {
                c.addScalar(name, Signature.of(id), t, Kernels.strict(ArithmeticFunctions.copy(t)));
            }
            c.addScalar("round", Signature.of(id, INTEGER), t, Kernels.strict(roundInteger(t)));
        }
        c.addScalar("abs", Signature.of(DECIMAL), DecimalArithmetic::bindAbs);
        c.addScalar("sign", Signature.of(DECIMAL), (n, args) -> new ScalarFunction(n, args, LogicalType.TINYINT,
                Kernels.strict(DecimalMath.isNarrow(args.get(0)) ? (a, i, o) -> o.ints[i] = Long.signum(a[0].longs[i])
                        : (a, i, o) -> o.ints[i] = Int128.signum(a[0].highs[i], a[0].longs[i])), true));
        c.addScalar("ceil", Signature.of(DECIMAL), (n, args) -> roundDecimal(n, args.get(0), RoundingMode.CEILING));
        c.addScalar("floor", Signature.of(DECIMAL), (n, args) -> roundDecimal(n, args.get(0), RoundingMode.FLOOR));
        c.addScalar("round", Signature.of(DECIMAL), (n, args) -> roundDecimal(n, args.get(0), RoundingMode.HALF_UP));
        c.addScalar("trunc", Signature.of(DECIMAL), (n, args) -> roundDecimal(n, args.get(0), RoundingMode.DOWN));
        c.addScalar("round", Signature.of(DECIMAL, INTEGER), (ConstantAwareBinding) (n, args, k) -> roundDecimalDigits(n, args, k, RoundingMode.HALF_UP));
        c.addScalar("trunc", Signature.of(DECIMAL, INTEGER), (ConstantAwareBinding) (n, args, k) -> roundDecimalDigits(n, args, k, RoundingMode.DOWN));

        for (TypeId id : new TypeId[] {REAL, DOUBLE}) {
            LogicalType t = LogicalType.of(id);
            c.addScalar("abs", Signature.of(id), t, Kernels.strict((a, i, o) -> o.doubles[i] = Math.abs(a[0].doubles[i])));
            c.addScalar("sign", Signature.of(id), LogicalType.TINYINT, Kernels.strict((a, i, o) -> o.ints[i] = (int) Math.signum(a[0].doubles[i])));
            floating(c, "ceil", t, Math::ceil);
            floating(c, "floor", t, Math::floor);
            floating(c, "round", t, MathFunctions::roundHalfAway);
            floating(c, "trunc", t, x -> x < 0 ? Math.ceil(x) : Math.floor(x));
            floating(c, "even", t, MathFunctions::even);
            c.addScalar("round", Signature.of(id, INTEGER), t, Kernels.strict((a, i, o) -> o.doubles[i] = roundDouble(a[0].doubles[i], a[1].ints[i], RoundingMode.HALF_UP)));
            c.addScalar("trunc", Signature.of(id, INTEGER), t, Kernels.strict((a, i, o) -> o.doubles[i] = roundDouble(a[0].doubles[i], a[1].ints[i], RoundingMode.DOWN)));
        }
        c.alias("ceiling", "ceil");
        c.alias("truncate", "trunc");

        unaryDouble(c, "sqrt", x -> {
            if (x < 0) throw MallardException.Data.outOfRange("cannot take square root of a negative number");
            return Math.sqrt(x);
        });
        unaryDouble(c, "cbrt", Math::cbrt);
        unaryDouble(c, "exp", Math::exp);
        unaryDouble(c, "ln", x -> Math.log(checkLog(x)));
        unaryDouble(c, "log10", x -> Math.log10(checkLog(x)));
        unaryDouble(c, "log", x -> Math.log10(checkLog(x)));
        unaryDouble(c, "log2", x -> Math.log(checkLog(x)) / Math.log(2));
        c.addScalar("log", Signature.of(DOUBLE, DOUBLE), D, Kernels.strict((a, i, o) ->
                o.doubles[i] = Math.log(checkLog(a[1].doubles[i])) / Math.log(checkLog(a[0].doubles[i]))));
        c.addScalar("power", Signature.of(DOUBLE, DOUBLE), D, Kernels.strict((a, i, o) -> o.doubles[i] = Math.pow(a[0].doubles[i], a[1].doubles[i])));
        c.alias("pow", "power");
        unaryDouble(c, "sin", Math::sin);
        unaryDouble(c, "cos", Math::cos);
        unaryDouble(c, "tan", Math::tan);
        unaryDouble(c, "cot", x -> 1 / Math.tan(x));
        unaryDouble(c, "asin", x -> checkUnit(x, Math.asin(x)));
        unaryDouble(c, "acos", x -> checkUnit(x, Math.acos(x)));
        unaryDouble(c, "atan", Math::atan);
        unaryDouble(c, "degrees", Math::toDegrees);
        unaryDouble(c, "radians", Math::toRadians);
        c.addScalar("atan2", Signature.of(DOUBLE, DOUBLE), D, Kernels.strict((a, i, o) -> o.doubles[i] = Math.atan2(a[0].doubles[i], a[1].doubles[i])));
        c.addScalar("isnan", Signature.of(DOUBLE), LogicalType.BOOLEAN, Kernels.strict((a, i, o) -> o.bools[i] = Double.isNaN(a[0].doubles[i])));
        c.addScalar("isinf", Signature.of(DOUBLE), LogicalType.BOOLEAN, Kernels.strict((a, i, o) -> o.bools[i] = Double.isInfinite(a[0].doubles[i])));
        c.addScalar("signbit", Signature.of(DOUBLE), LogicalType.BOOLEAN, Kernels.strict((a, i, o) ->
                o.bools[i] = Double.doubleToRawLongBits(a[0].doubles[i]) < 0));
        c.addScalar("isfinite", Signature.of(DOUBLE), LogicalType.BOOLEAN, Kernels.strict((a, i, o) -> o.bools[i] = Double.isFinite(a[0].doubles[i])));
        c.addScalar("pi", Signature.of(), D, Kernels.strict((a, i, o) -> o.doubles[i] = Math.PI));
        c.addVolatileScalar("random", Signature.of(), D, Kernels.strict((a, i, o) -> o.doubles[i] = ThreadLocalRandom.current().nextDouble()));

        c.addScalar("gcd", Signature.of(BIGINT, BIGINT), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = gcd(a[0].longs[i], a[1].longs[i])));
        c.alias("greatest_common_divisor", "gcd");
        c.addScalar("lcm", Signature.of(BIGINT, BIGINT), LogicalType.BIGINT, Kernels.strict((a, i, o) -> {
            long x = a[0].longs[i], y = a[1].longs[i];
            if (x == 0 || y == 0) {
                o.longs[i] = 0;
                return;
            }
            try {
                o.longs[i] = Math.abs(Math.multiplyExact(x / gcd(x, y), y));
            } catch (ArithmeticException e) {
                throw MallardException.Data.outOfRange("Overflow in lcm of BIGINT (" + x + ", " + y + ")");
            }
        }));
        c.alias("least_common_multiple", "lcm");
        c.addScalar("factorial", Signature.of(INTEGER), LogicalType.decimal(38, 0), Kernels.strict((a, i, o) -> {
            int n = a[0].ints[i];
            BigInteger f = BigInteger.ONE;
            for (int k = 2; k <= n; k++) f = f.multiply(BigInteger.valueOf(k));
            if (!DecimalMath.fits(f, 38)) throw MallardException.Data.outOfRange("factorial(" + n + ") is out of range");
            DecimalMath.store(o, i, f);
        }));
        c.addScalar("bit_count", Signature.of(BIGINT), LogicalType.TINYINT, Kernels.strict((a, i, o) -> o.ints[i] = Long.bitCount(a[0].longs[i])));
        c.alias("mod", "%");
    }

    private static void floating(FunctionCatalog c, String name, LogicalType t, DoubleUnaryOperator f) {
        boolean real = t.id() == REAL;
        c.addScalar(name, Signature.of(t.id()), t, Kernels.strict(real
                ? (a, i, o) -> o.doubles[i] = (float) f.applyAsDouble(a[0].doubles[i])
                : (a, i, o) -> o.doubles[i] = f.applyAsDouble(a[0].doubles[i])));
    }

    private static void unaryDouble(FunctionCatalog c, String name, DoubleUnaryOperator f) {
        c.addScalar(name, Signature.of(DOUBLE), D, Kernels.strict((a, i, o) -> o.doubles[i] = f.applyAsDouble(a[0].doubles[i])));
    }

    private static double checkLog(double x) {
        if (x == 0) throw MallardException.Data.outOfRange("cannot take logarithm of zero");
        if (x < 0) throw MallardException.Data.outOfRange("cannot take logarithm of a negative number");
        return x;
    }

    private static double checkUnit(double x, double r) {
        if (x < -1 || x > 1) throw MallardException.Data.outOfRange("input value " + x + " is out of range [-1, 1]");
        return r;
    }

    static double roundHalfAway(double x) {
        double r = Math.floor(Math.abs(x) + 0.5);
        // Math.abs(x) + 0.5 rounds up for 0.49999999999999994; correct that one case.
        if (r - Math.abs(x) > 0.5) r -= 1;
        return Math.copySign(r, x);
    }

    /** Rounds (or truncates) at n decimal digits (negative n: tens, hundreds…) on the shortest decimal form. */
    static double roundDouble(double x, int n, RoundingMode mode) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        return new BigDecimal(Double.toString(x)).setScale(n, mode).doubleValue();
    }


    /**
     * round/trunc(DECIMAL(p, s), n): with n known at bind time the result is DECIMAL(p, min(max(n, 0), s))
     * as in DuckDB; with n varying per row it is DOUBLE.
     */
    private static ScalarFunction roundDecimalDigits(String name, List<LogicalType> args, List<Object> constants, RoundingMode mode) {
        LogicalType t = args.get(0);
        int s = t.scale();
        Object digits = ConstantAwareBinding.constant(constants, 1);
        if (digits instanceof Number num) {
            int n = num.intValue();
            LogicalType result = LogicalType.decimal(t.precision(), Math.min(Math.max(n, 0), s));
            RowKernel body = (a, i, o) -> DecimalMath.store(o, i, new BigDecimal(DecimalMath.unscaled(a[0], i), s)
                    .setScale(n, mode).setScale(result.scale(), RoundingMode.UNNECESSARY).unscaledValue());
            return new ScalarFunction(name, args, result, Kernels.strict(body), true);
        }
        RowKernel body = (a, i, o) -> o.doubles[i] = new BigDecimal(DecimalMath.unscaled(a[0], i), s)
                .setScale(a[1].ints[i], mode).doubleValue();
        return new ScalarFunction(name, args, D, Kernels.strict(body), true);
    }

    private static double even(double x) {
        double r = Math.ceil(Math.abs(x));
        if (r % 2 != 0) r += 1;
        return Math.copySign(r, x);
    }

    private static RowKernel roundInteger(LogicalType t) {
        boolean wide = t.id() == BIGINT;
        long lo = IntegerArithmetic.min(t), hi = IntegerArithmetic.max(t);
        return (a, i, o) -> {
            long x = wide ? a[0].longs[i] : a[0].ints[i];
            int n = a[1].ints[i];
            long r = x;
            if (n < 0) {
                if (n < -18) {
                    r = 0;
                } else {
                    long p = DecimalMath.pow10(-n);
                    r = DecimalMath.divideRound(x, p) * p;
                }
            }
            if (r < lo || r > hi) throw MallardException.Data.outOfRange("Overflow in round of " + t + " (" + x + ")");
            if (wide) o.longs[i] = r;
            else o.ints[i] = (int) r;
        };
    }

    /** ceil/floor/round/trunc of DECIMAL(p, s) → DECIMAL(p, 0). */
    private static ScalarFunction roundDecimal(String name, LogicalType t, RoundingMode mode) {
        LogicalType result = LogicalType.decimal(t.precision(), 0);
        int s = t.scale();
        RowKernel body;
        if (DecimalMath.isNarrow(t)) {
            long p = DecimalMath.pow10(s);
            body = (a, i, o) -> o.longs[i] = roundLong(a[0].longs[i], p, mode);
        } else {
            body = (a, i, o) -> DecimalMath.store(o, i, new BigDecimal(DecimalMath.unscaled(a[0], i), s).setScale(0, mode).unscaledValue());
        }
        return new ScalarFunction(name, List.of(t), result, Kernels.strict(body), true);
    }

    private static long roundLong(long v, long p, RoundingMode mode) {
        if (p == 1) return v;
        long q = v / p, r = v % p;
        return switch (mode) {
            case CEILING -> r > 0 ? q + 1 : q;
            case FLOOR -> r < 0 ? q - 1 : q;
            case DOWN -> q;
            default -> DecimalMath.divideRound(v, p);
        };
    }

    static long gcd(long x, long y) {
        x = Math.abs(x);
        y = Math.abs(y);
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}

package dev.mallard.function.cast;

import dev.mallard.MallardException;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarKernel;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;

/**
 * Every conversion between types: the kernels behind CAST and TRY_CAST, and the rules for which
 * conversions the binder may insert on its own.
 *
 * <ul>
 *   <li>Numbers convert among themselves with range checks (see {@link NumericCasts} for rounding).</li>
 *   <li>Everything converts to VARCHAR in DuckDB's text form and back from it, surrounding
 *       whitespace allowed; BOOLEAN reads t/true/y/yes/1 and f/false/n/no/0 in any case.</li>
 *   <li>DATE ↔ TIMESTAMP (midnight / the day a timestamp falls on); NULL → anything.</li>
 *   <li>Anything else (DATE → INTEGER, INTERVAL → DATE, …) is rejected when the kernel is built.</li>
 * </ul>
 *
 * A value that does not convert raises {@link MallardException.Data#conversion} for text sources
 * ("Could not convert string 'abc' to INTEGER") and {@link MallardException.Data#outOfRange} for
 * numeric ones; TRY_CAST yields NULL instead.
 */
public final class CastFunctions {
    private CastFunctions() {}

    /** The kernel converting vectors of {@code from} into vectors of {@code to}. */
    public static ScalarKernel kernel(LogicalType from, LogicalType to, boolean tryCast) {
        if (from.id() == TypeId.NULL) {
            return (args, sel, count, out) -> {
                for (int k = 0; k < count; k++) out.setNull(sel == null ? k : sel[k]);
            };
        }
        RowKernel step = step(from, to);
        if (infallible(from, to)) return Kernels.strict(step);
        return Kernels.strictGuarded(step, (e, a, i, o) -> {
            if (!(e instanceof CastFailed) && !(e instanceof MallardException.Data)) throw e;
            if (!tryCast) throw e instanceof CastFailed f ? failure(from, to, a[0], i, f) : e;
            o.setNull(i);
        });
    }

    /** Whether a CAST from {@code from} to {@code to} exists (it may still fail for some values). */
    public static boolean canCast(LogicalType from, LogicalType to) {
        if (from.id() == TypeId.NULL || from.equals(to)) return true;
        if (from.id() == TypeId.VARCHAR || to.id() == TypeId.VARCHAR) return to.id() != TypeId.NULL;
        if (NumericCasts.handles(from) && NumericCasts.handles(to)) return true;
        return from.isTemporal() && to.isTemporal();
    }

    /**
     * Cost of converting {@code from} to {@code to} without an explicit CAST, or -1 when that is not
     * allowed; smaller is better, 0 for the same type. See {@link CastRules}.
     */
    public static int implicitCastCost(LogicalType from, LogicalType to) {
        return CastRules.implicitCastCost(from, to);
    }

    /**
     * The type both operands convert to for UNION, CASE, COALESCE, IN and comparisons, or null
     * when there is none. VARCHAR meets no other type here (as in DuckDB's COALESCE and UNION).
     */
    public static LogicalType commonSuperType(LogicalType a, LogicalType b) {
        return CastRules.commonSuperType(a, b);
    }

    /**
     * The type a comparison converts both sides to: {@link #commonSuperType}, and otherwise a VARCHAR
     * side converts to the other side's type, as DuckDB does for {@code int_col = varchar_col}.
     */
    public static LogicalType comparisonType(LogicalType a, LogicalType b) {
        return CastRules.comparisonType(a, b);
    }

    private static RowKernel step(LogicalType from, LogicalType to) {
        if (from.equals(to)) return (a, i, o) -> o.copyFrom(a[0], i, i);
        if (to.id() == TypeId.VARCHAR) return TextCasts.toText(from);
        if (from.id() == TypeId.VARCHAR) return TextCasts.fromText(to);
        if (NumericCasts.handles(from) && NumericCasts.handles(to)) return NumericCasts.step(from, to);
        if (from.id() == TypeId.DATE && to.id() == TypeId.TIMESTAMP) {
            return (a, i, o) -> o.longs[i] = DateTimes.dateToTimestamp(a[0].ints[i]);
        }
        if (from.id() == TypeId.TIMESTAMP && to.id() == TypeId.DATE) {
            return (a, i, o) -> o.ints[i] = DateTimes.timestampToDate(a[0].longs[i]);
        }
        throw MallardException.Binder.typeMismatch("Cannot cast " + from + " to " + to);
    }

    private static boolean infallible(LogicalType from, LogicalType to) {
        if (from.equals(to) || to.id() == TypeId.VARCHAR) return true;
        if (from.id() == TypeId.TIMESTAMP && to.id() == TypeId.DATE) return true;
        return NumericCasts.handles(from) && NumericCasts.handles(to) && NumericCasts.infallible(from, to);
    }

    private static MallardException failure(LogicalType from, LogicalType to, Vector in, int i, CastFailed f) {
        String shown = Values.toText(from, in.getObject(i));
        if (from.id() == TypeId.VARCHAR) {
            return MallardException.Data.conversion("Could not convert string '" + shown + "' to " + to);
        }
        if (f.outOfRange) {
            return MallardException.Data.outOfRange("Type " + from + " with value " + shown
                    + " can't be cast because the value is out of range for the destination type " + to);
        }
        return MallardException.Data.conversion("Could not convert " + from + " value " + shown + " to " + to);
    }
}

package dev.mallard.function.scalar;

import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.Signature;
import dev.mallard.function.ValueComparator;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Int128;
import java.util.Collections;
import java.util.List;

/**
 * {@code = <> != < <= > >=}, {@code is_distinct_from}, {@code is_not_distinct_from}, and the
 * variadic {@code greatest}/{@code least}, over every type. Both operands have one type (the binder
 * unifies them; two different DECIMALs are brought to their common type here).
 *
 * <p>Each operator is a 3-bit mask over the outcome of a three-way comparison (bit 0 less, bit 1
 * equal, bit 2 greater), so one branch-free body per storage class serves all six operators.
 */
public final class ComparisonFunctions {
    private ComparisonFunctions() {}

    private static final TypeId[] TYPES = {TypeId.BOOLEAN, TypeId.TINYINT, TypeId.SMALLINT, TypeId.INTEGER, TypeId.BIGINT,
            TypeId.REAL, TypeId.DOUBLE, TypeId.DECIMAL, TypeId.VARCHAR, TypeId.DATE, TypeId.TIMESTAMP, TypeId.INTERVAL};

    public static void register(FunctionCatalog c) {
        String[] names = {"=", "<>", "<", "<=", ">", ">="};
        int[] masks = {0b010, 0b101, 0b001, 0b011, 0b100, 0b110};
        for (int k = 0; k < names.length; k++) {
            int mask = masks[k];
            for (TypeId id : TYPES) {
                c.addScalar(names[k], Signature.of(id, id), (n, args) -> {
                    LogicalType t = unified(args);
                    return new ScalarFunction(n, List.of(t, t), LogicalType.BOOLEAN, Kernels.strict(compare(t, mask)), true);
                });
            }
        }
        c.alias("!=", "<>");
        c.alias("==", "=");
        for (TypeId id : TYPES) {
            c.addScalar("is_distinct_from", Signature.of(id, id), (n, args) -> distinct(n, unified(args), true));
            c.addScalar("is_not_distinct_from", Signature.of(id, id), (n, args) -> distinct(n, unified(args), false));
            c.addScalar("greatest", Signature.variadic(id), (n, args) -> extreme(n, args, 1));
            c.addScalar("least", Signature.variadic(id), (n, args) -> extreme(n, args, -1));
        }
    }

    /** Two decimals of different precision or scale compare in their common type. */
    private static LogicalType unified(List<LogicalType> args) {
        LogicalType t = args.get(0);
        for (LogicalType a : args) {
            if (!a.equals(t)) t = CastFunctions.commonSuperType(t, a);
        }
        return t;
    }

    /** True when outcome c (-1, 0, 1) is in the mask. */
    private static boolean test(int mask, int c) {
        return ((mask >>> (c + 1)) & 1) != 0;
    }

    static RowKernel compare(LogicalType t, int mask) {
        return switch (t.physicalType()) {
            case INT32 -> (a, i, o) -> o.bools[i] = test(mask, Integer.compare(a[0].ints[i], a[1].ints[i]));
            case INT64 -> (a, i, o) -> o.bools[i] = test(mask, Long.compare(a[0].longs[i], a[1].longs[i]));
            case DOUBLE -> (a, i, o) -> o.bools[i] = test(mask, ValueComparator.compareDoubles(a[0].doubles[i], a[1].doubles[i]));
            case STRING -> (a, i, o) -> o.bools[i] = test(mask, Integer.signum(a[0].strings[i].compareTo(a[1].strings[i])));
            case BOOL -> (a, i, o) -> o.bools[i] = test(mask, Boolean.compare(a[0].bools[i], a[1].bools[i]));
            case INT128 -> (a, i, o) -> o.bools[i] = test(mask,
                    Int128.compare(a[0].highs[i], a[0].longs[i], a[1].highs[i], a[1].longs[i]));
            case OBJECT -> (a, i, o) -> o.bools[i] = test(mask,
                    Integer.signum(((Interval) a[0].objects[i]).compareTo((Interval) a[1].objects[i])));
            case NONE -> (a, i, o) -> o.setNull(i);
        };
    }

    /** IS [NOT] DISTINCT FROM: NULL equals NULL, and the result is never NULL. */
    private static ScalarFunction distinct(String name, LogicalType t, boolean distinct) {
        ValueComparator cmp = ValueComparator.of(t);
        RowKernel body = (a, i, o) -> {
            boolean ln = a[0].isNull(i), rn = a[1].isNull(i);
            boolean same = ln || rn ? ln == rn : cmp.compare(a[0], i, a[1], i) == 0;
            o.bools[i] = same != distinct;
        };
        return new ScalarFunction(name, List.of(t, t), LogicalType.BOOLEAN, Kernels.lenient(body), true);
    }

    /** greatest / least: NULL arguments are skipped; NULL only when all are NULL (DuckDB). */
    private static ScalarFunction extreme(String name, List<LogicalType> args, int direction) {
        LogicalType t = unified(args);
        ValueComparator cmp = ValueComparator.of(t);
        RowKernel body = (a, i, o) -> {
            int best = -1;
            for (int k = 0; k < a.length; k++) {
                if (a[k].isNull(i)) continue;
                if (best < 0 || cmp.compare(a[k], i, a[best], i) * direction > 0) best = k;
            }
            if (best < 0) o.setNull(i);
            else o.copyFrom(a[best], i, i);
        };
        return new ScalarFunction(name, Collections.nCopies(args.size(), t), t, Kernels.lenient(body), true);
    }
}

package dev.mallard.execution;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.AggregateState;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.ScalarKernel;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * Small scalar and aggregate functions for executor tests, independent of the function library
 * (which is written in parallel): comparisons, integer arithmetic, count and sum.
 */
public final class TestFunctions {
    private TestFunctions() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int cmp(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /** "=", "<>", "<", "<=", ">", ">=" over any type whose physical values are Comparable. */
    public static ScalarFunction compare(String op, LogicalType t) {
        ScalarKernel k = (args, sel, count, out) -> {
            for (int i = 0; i < count; i++) {
                int p = sel == null ? i : sel[i];
                Object a = args[0].getObject(p), b = args[1].getObject(p);
                if (a == null || b == null) {
                    out.setNull(p);
                    continue;
                }
                int c = cmp(a, b);
                boolean r = switch (op) {
                    case "=" -> c == 0;
                    case "<>" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    default -> throw new IllegalArgumentException(op);
                };
                out.setNull(p, false);
                out.bools[p] = r;
            }
        };
        return new ScalarFunction(op, List.of(t, t), LogicalType.BOOLEAN, k, true);
    }

    public static ScalarFunction isNotDistinctFrom(LogicalType t) {
        ScalarKernel k = (args, sel, count, out) -> {
            for (int i = 0; i < count; i++) {
                int p = sel == null ? i : sel[i];
                Object a = args[0].getObject(p), b = args[1].getObject(p);
                out.setNull(p, false);
                out.bools[p] = a == null ? b == null : b != null && cmp(a, b) == 0;
            }
        };
        return new ScalarFunction("is_not_distinct_from", List.of(t, t), LogicalType.BOOLEAN, k, true);
    }

    /** "+", "-", "*", "/" on BIGINT; "/" by zero fails like SQL. */
    public static ScalarFunction arith(String op) {
        ScalarKernel k = (args, sel, count, out) -> {
            for (int i = 0; i < count; i++) {
                int p = sel == null ? i : sel[i];
                if (args[0].isNull(p) || args[1].isNull(p)) {
                    out.setNull(p);
                    continue;
                }
                long a = args[0].longs[p], b = args[1].longs[p];
                long r = switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> {
                        if (b == 0) throw MallardException.Data.divisionByZero();
                        yield a / b;
                    }
                    default -> throw new IllegalArgumentException(op);
                };
                out.setNull(p, false);
                out.longs[p] = r;
            }
        };
        return new ScalarFunction(op, List.of(LogicalType.BIGINT, LogicalType.BIGINT), LogicalType.BIGINT, k, true);
    }

    /** count(*) (no arguments) or count(x) (non-NULL values). */
    public static AggregateFunction count(LogicalType argType) {
        List<LogicalType> args = argType == null ? List.of() : List.of(argType);
        return new AggregateFunction(argType == null ? "count_star" : "count", args, LogicalType.BIGINT, CountState::new);
    }

    /** sum of BIGINT values; NULL for a group without values. */
    public static AggregateFunction sum() {
        return new AggregateFunction("sum", List.of(LogicalType.BIGINT), LogicalType.BIGINT, SumState::new);
    }

    static final class CountState implements AggregateState {
        long[] counts = new long[0];

        @Override
        public void ensureGroups(int groups) {
            if (counts.length < groups) counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
        }

        @Override
        public void update(Vector[] args, int[] sel, int count, int[] groups) {
            for (int k = 0; k < count; k++) {
                int p = sel == null ? k : sel[k];
                if (args.length == 0 || !args[0].isNull(p)) counts[groups[k]]++;
            }
        }

        @Override
        public void merge(AggregateState other, int[] sources, int[] targets, int count) {
            CountState o = (CountState) other;
            for (int i = 0; i < count; i++) counts[targets[i]] += o.counts[sources == null ? i : sources[i]];
        }

        @Override
        public void finalize(int group, Vector out, int pos) {
            out.setObject(pos, counts[group]);
        }

        @Override
        public void clear(int group) {
            counts[group] = 0;
        }
    }

    static final class SumState implements AggregateState {
        long[] sums = new long[0];
        boolean[] seen = new boolean[0];

        @Override
        public void ensureGroups(int groups) {
            if (sums.length < groups) {
                int n = Math.max(groups, sums.length * 2);
                sums = Arrays.copyOf(sums, n);
                seen = Arrays.copyOf(seen, n);
            }
        }

        @Override
        public void update(Vector[] args, int[] sel, int count, int[] groups) {
            for (int k = 0; k < count; k++) {
                int p = sel == null ? k : sel[k];
                if (args[0].isNull(p)) continue;
                sums[groups[k]] += args[0].longs[p];
                seen[groups[k]] = true;
            }
        }

        @Override
        public void merge(AggregateState other, int[] sources, int[] targets, int count) {
            SumState o = (SumState) other;
            for (int i = 0; i < count; i++) {
                int g = sources == null ? i : sources[i];
                if (!o.seen[g]) continue;
                sums[targets[i]] += o.sums[g];
                seen[targets[i]] = true;
            }
        }

        @Override
        public void finalize(int group, Vector out, int pos) {
            out.setObject(pos, seen[group] ? sums[group] : null);
        }

        @Override
        public void clear(int group) {
            sums[group] = 0;
            seen[group] = false;
        }
    }
}

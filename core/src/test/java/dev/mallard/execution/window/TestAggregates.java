package dev.mallard.execution.window;

import dev.mallard.function.AggregateFunction;
import dev.mallard.function.AggregateState;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * Minimal aggregates following the {@link AggregateState} contract, so the window tests do not
 * depend on the real function library: SUM over integers, COUNT(*) / COUNT(x), MIN over integers and
 * an order-sensitive string concatenation (like string_agg(x::VARCHAR, ',')).
 */
final class TestAggregates {
    private TestAggregates() {}

    static final AggregateFunction SUM = new AggregateFunction("sum", List.of(LogicalType.BIGINT), LogicalType.BIGINT, Sum::new);
    static final AggregateFunction COUNT_STAR = new AggregateFunction("count_star", List.of(), LogicalType.BIGINT, Count::new);
    static final AggregateFunction COUNT = new AggregateFunction("count", List.of(LogicalType.BIGINT), LogicalType.BIGINT, Count::new);
    static final AggregateFunction MIN = new AggregateFunction("min", List.of(LogicalType.BIGINT), LogicalType.BIGINT, Min::new);
    static final AggregateFunction CONCAT = new AggregateFunction("string_agg", List.of(LogicalType.BIGINT), LogicalType.VARCHAR, Concat::new);

    private static long value(Vector v, int pos) {
        return switch (v.physicalType()) {
            case INT32 -> v.ints[pos];
            case INT64 -> v.longs[pos];
            default -> throw new IllegalArgumentException(v.type().toString());
        };
    }

    static final class Sum implements AggregateState {
        long[] sums = new long[0];
        boolean[] seen = new boolean[0];

        @Override
        public void ensureGroups(int groups) {
            if (groups > sums.length) {
                sums = Arrays.copyOf(sums, groups);
                seen = Arrays.copyOf(seen, groups);
            }
        }

        @Override
        public void update(Vector[] args, int[] sel, int count, int[] groups) {
            Vector v = args[0];
            for (int k = 0; k < count; k++) {
                int pos = sel == null ? k : sel[k];
                if (v.isNull(pos)) continue;
                sums[groups[k]] += value(v, pos);
                seen[groups[k]] = true;
            }
        }

        @Override
        public void merge(AggregateState other, int[] sources, int[] targets, int count) {
            Sum o = (Sum) other;
            for (int i = 0; i < count; i++) {
                int g = sources == null ? i : sources[i];
                if (!o.seen[g]) continue;
                sums[targets[i]] += o.sums[g];
                seen[targets[i]] = true;
            }
        }

        @Override
        public void finalize(int group, Vector out, int pos) {
            if (seen[group]) out.setObject(pos, sums[group]);
            else out.setNull(pos);
        }

        @Override
        public void clear(int group) {
            sums[group] = 0;
            seen[group] = false;
        }
    }

    static final class Count implements AggregateState {
        long[] counts = new long[0];

        @Override
        public void ensureGroups(int groups) {
            if (groups > counts.length) counts = Arrays.copyOf(counts, groups);
        }

        @Override
        public void update(Vector[] args, int[] sel, int count, int[] groups) {
            for (int k = 0; k < count; k++) {
                int pos = sel == null ? k : sel[k];
                if (args.length == 0 || !args[0].isNull(pos)) counts[groups[k]]++;
            }
        }

        @Override
        public void merge(AggregateState other, int[] sources, int[] targets, int count) {
            Count o = (Count) other;
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

    static final class Min implements AggregateState {
        long[] mins = new long[0];
        boolean[] seen = new boolean[0];

        @Override
        public void ensureGroups(int groups) {
            if (groups > mins.length) {
                mins = Arrays.copyOf(mins, groups);
                seen = Arrays.copyOf(seen, groups);
            }
        }

        @Override
        public void update(Vector[] args, int[] sel, int count, int[] groups) {
            for (int k = 0; k < count; k++) {
                int pos = sel == null ? k : sel[k];
                if (!args[0].isNull(pos)) add(groups[k], value(args[0], pos));
            }
        }

        private void add(int g, long v) {
            if (!seen[g] || v < mins[g]) mins[g] = v;
            seen[g] = true;
        }

        @Override
        public void merge(AggregateState other, int[] sources, int[] targets, int count) {
            Min o = (Min) other;
            for (int i = 0; i < count; i++) {
                int g = sources == null ? i : sources[i];
                if (o.seen[g]) add(targets[i], o.mins[g]);
            }
        }

        @Override
        public void finalize(int group, Vector out, int pos) {
            if (seen[group]) out.setObject(pos, mins[group]);
            else out.setNull(pos);
        }

        @Override
        public void clear(int group) {
            seen[group] = false;
        }
    }

    static final class Concat implements AggregateState {
        StringBuilder[] parts = new StringBuilder[0];

        @Override
        public void ensureGroups(int groups) {
            if (groups > parts.length) parts = Arrays.copyOf(parts, groups);
        }

        private void append(int g, String s) {
            if (parts[g] == null) parts[g] = new StringBuilder(s);
            else parts[g].append(',').append(s);
        }

        @Override
        public void update(Vector[] args, int[] sel, int count, int[] groups) {
            for (int k = 0; k < count; k++) {
                int pos = sel == null ? k : sel[k];
                if (!args[0].isNull(pos)) append(groups[k], String.valueOf(value(args[0], pos)));
            }
        }

        @Override
        public void merge(AggregateState other, int[] sources, int[] targets, int count) {
            Concat o = (Concat) other;
            for (int i = 0; i < count; i++) {
                int g = sources == null ? i : sources[i];
                if (o.parts[g] != null) append(targets[i], o.parts[g].toString());
            }
        }

        @Override
        public void finalize(int group, Vector out, int pos) {
            if (parts[group] == null) out.setNull(pos);
            else out.setObject(pos, parts[group].toString());
        }

        @Override
        public void clear(int group) {
            parts[group] = null;
        }
    }
}

package dev.mallard.execution.aggregate;

import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.hash.GroupHashTable;
import dev.mallard.execution.operator.SortSpec;
import dev.mallard.execution.sort.Sorter;
import dev.mallard.function.AggregateState;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups of a hash aggregate and the aggregate states per group: one per thread while sinking,
 * then merged into one. Buffered aggregates ({@link AggregateSpec#buffered()}: DISTINCT or ORDER BY)
 * keep no state until the end; instead each keeps its input tuples (group id, arguments..., ORDER BY
 * keys...): a DISTINCT one as a set, which merges exactly across threads, an ordered one as a plain
 * list. {@link #finishBuffered} sorts the tuples by the ORDER BY keys and feeds them to a fresh state.
 * (A DISTINCT aggregate's keys are among its arguments, so the keys do not split duplicates.)
 */
final class AggregateTable {
    final List<AggregateSpec> aggregates;
    /** Null when there are no group keys: then everything is group 0. */
    final GroupHashTable groups;
    final AggregateState[] states;
    /** Per DISTINCT aggregate: the set of tuples; null for the others. */
    final GroupHashTable[] distinct;
    /** Per ordered aggregate without DISTINCT: the tuples in arrival order; null for the others. */
    final ColumnCollection[] ordered;

    AggregateTable(List<LogicalType> keyTypes, boolean grouped, List<AggregateSpec> aggregates) {
        this.aggregates = aggregates;
        this.groups = grouped ? new GroupHashTable(keyTypes) : null;
        this.states = new AggregateState[aggregates.size()];
        this.distinct = new GroupHashTable[aggregates.size()];
        this.ordered = new ColumnCollection[aggregates.size()];
        for (int a = 0; a < states.length; a++) {
            AggregateSpec spec = aggregates.get(a);
            if (spec.distinct()) {
                distinct[a] = new GroupHashTable(tupleTypes(spec));
            } else if (spec.buffered()) {
                ordered[a] = new ColumnCollection(tupleTypes(spec));
            } else {
                states[a] = spec.function().newState();
                if (!grouped) states[a].ensureGroups(1);
            }
        }
    }

    /** The layout of a buffered aggregate's tuples: group id, arguments, ORDER BY keys. */
    private static List<LogicalType> tupleTypes(AggregateSpec spec) {
        List<LogicalType> types = new ArrayList<>();
        types.add(LogicalType.INTEGER);
        for (var e : spec.args()) types.add(e.type());
        for (SortSpec k : spec.orderBy()) types.add(k.expr().type());
        return types;
    }

    int groupCount() {
        return groups == null ? 1 : groups.size();
    }

    /** True when every aggregate keeps a mergeable state (no buffered tuples) and there are keys to partition by. */
    boolean partitionable() {
        if (groups == null) return false;
        for (AggregateState s : states) {
            if (s == null) return false;
        }
        return true;
    }

    /** Makes room for {@code n} groups up front (a merge that knows its size). */
    void reserve(int n) {
        if (groups != null) groups.reserve(n);
        for (AggregateState s : states) {
            if (s != null) s.ensureGroups(n);
        }
    }

    /** Folds groups {@code sources[0..count)} of {@code other} into this table (partitionable tables only). */
    void mergeGroups(AggregateTable other, int[] sources, int count) {
        if (count == 0) return;
        int[] targets = new int[count];
        groups.findOrCreate(other.groups.keys().columns(), sources, count, targets);
        int total = groupCount();
        for (int a = 0; a < states.length; a++) {
            states[a].ensureGroups(total);
            states[a].merge(other.states[a], sources, targets, count);
        }
    }

    /** Folds {@code other} (same shape) into this table. */
    void merge(AggregateTable other) {
        int n = other.groupCount();
        int[] targets = new int[Math.max(1, n)];
        if (groups != null) {
            ColumnCollection keys = other.groups.keys();
            if (n > 0) groups.findOrCreate(keys.columns(), null, n, targets);
        }
        int total = groupCount();
        for (int a = 0; a < states.length; a++) {
            if (states[a] != null) {
                states[a].ensureGroups(total);
                if (n > 0) states[a].merge(other.states[a], null, targets, n);
            } else if (distinct[a] != null) {
                ColumnCollection from = other.distinct[a].keys();
                int m = from.size();
                if (m > 0) distinct[a].findOrCreate(remapGroups(from, targets), null, m, new int[m]);
            } else {
                ColumnCollection from = other.ordered[a];
                ordered[a].append(remapGroups(from, targets), 0, null, from.size());
            }
        }
    }

    /** The tuples of {@code from} with their group ids (column 0) mapped through {@code targets}. */
    private static Vector[] remapGroups(ColumnCollection from, int[] targets) {
        int n = from.size();
        Vector[] cols = from.columns().clone();
        Vector ids = new Vector(LogicalType.INTEGER, Math.max(1, n));
        for (int r = 0; r < n; r++) ids.ints[r] = targets[from.column(0).ints[r]];
        cols[0] = ids;
        return cols;
    }

    /** Builds the states of buffered aggregates from their tuples; call once, on the merged table. */
    void finishBuffered() {
        int total = groupCount();
        for (int a = 0; a < states.length; a++) {
            if (states[a] != null) continue;
            AggregateSpec spec = aggregates.get(a);
            AggregateState state = spec.function().newState();
            state.ensureGroups(Math.max(1, total));
            ColumnCollection tuples = distinct[a] != null ? distinct[a].keys() : ordered[a];
            Vector[] cols = tuples.columns();
            int argCount = spec.args().size();
            Vector[] args = new Vector[argCount];
            System.arraycopy(cols, 1, args, 0, argCount);
            int n = tuples.size();
            int[] order = sortedRows(spec.orderBy(), cols, 1 + argCount, n);
            int[] sel = new int[Math.min(n, Vector.DEFAULT_CAPACITY)];
            int[] gids = new int[sel.length];
            for (int from = 0; from < n; from += sel.length) {
                int m = Math.min(sel.length, n - from);
                for (int k = 0; k < m; k++) {
                    sel[k] = order[from + k];
                    gids[k] = cols[0].ints[sel[k]];
                }
                state.update(args, sel, m, gids);
            }
            states[a] = state;
        }
    }

    /**
     * The tuple positions in ORDER BY order (tuples of different groups interleave, which does not
     * matter: each group's state sees its own tuples in order). Identity without ORDER BY.
     */
    private static int[] sortedRows(List<SortSpec> orderBy, Vector[] cols, int firstKey, int n) {
        Vector[] keys = new Vector[orderBy.size()];
        boolean[] ascending = new boolean[keys.length];
        boolean[] nullsFirst = new boolean[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = cols[firstKey + k];
            ascending[k] = orderBy.get(k).ascending();
            nullsFirst[k] = orderBy.get(k).nullsFirst();
        }
        return Sorter.sort(keys, ascending, nullsFirst, n);
    }
}

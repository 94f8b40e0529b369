package dev.mallard.execution.aggregate;

import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.hash.GroupHashTable;
import dev.mallard.function.AggregateState;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups of a hash aggregate and the aggregate states per group: one per thread while sinking,
 * then merged into one. DISTINCT aggregates keep no state until the end; instead each keeps the
 * set of distinct (group id, arguments) tuples, which merges exactly across threads, and feeds it
 * to a fresh state in {@link #finishDistinct}.
 */
final class AggregateTable {
    final List<AggregateSpec> aggregates;
    /** Null when there are no group keys: then everything is group 0. */
    final GroupHashTable groups;
    final AggregateState[] states;
    /** Per DISTINCT aggregate: tuples (group id, args...); null for the others. */
    final GroupHashTable[] distinct;

    AggregateTable(List<LogicalType> keyTypes, boolean grouped, List<AggregateSpec> aggregates) {
        this.aggregates = aggregates;
        this.groups = grouped ? new GroupHashTable(keyTypes) : null;
        this.states = new AggregateState[aggregates.size()];
        this.distinct = new GroupHashTable[aggregates.size()];
        for (int a = 0; a < states.length; a++) {
            AggregateSpec spec = aggregates.get(a);
            if (spec.distinct()) {
                List<LogicalType> types = new ArrayList<>();
                types.add(LogicalType.INTEGER);
                for (var e : spec.args()) types.add(e.type());
                distinct[a] = new GroupHashTable(types);
            } else {
                states[a] = spec.function().newState();
                if (!grouped) states[a].ensureGroups(1);
            }
        }
    }

    int groupCount() {
        return groups == null ? 1 : groups.size();
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
                if (n > 0) states[a].merge(other.states[a], targets, n);
            } else {
                mergeDistinct(distinct[a], other.distinct[a], targets);
            }
        }
    }

    private static void mergeDistinct(GroupHashTable into, GroupHashTable from, int[] targets) {
        int n = from.size();
        if (n == 0) return;
        ColumnCollection tuples = from.keys();
        Vector[] cols = tuples.columns().clone();
        Vector ids = new Vector(LogicalType.INTEGER, n);
        for (int r = 0; r < n; r++) ids.ints[r] = targets[tuples.column(0).ints[r]];
        cols[0] = ids;
        int[] ignored = new int[n];
        into.findOrCreate(cols, null, n, ignored);
    }

    /** Builds the states of DISTINCT aggregates from their tuple sets; call once, on the merged table. */
    void finishDistinct() {
        int total = groupCount();
        for (int a = 0; a < states.length; a++) {
            if (distinct[a] == null) continue;
            AggregateState state = aggregates.get(a).function().newState();
            state.ensureGroups(Math.max(1, total));
            ColumnCollection tuples = distinct[a].keys();
            Vector[] cols = tuples.columns();
            Vector[] args = new Vector[cols.length - 1];
            System.arraycopy(cols, 1, args, 0, args.length);
            int n = tuples.size();
            int[] sel = new int[Math.min(n, Vector.DEFAULT_CAPACITY)];
            int[] gids = new int[sel.length];
            for (int from = 0; from < n; from += sel.length) {
                int m = Math.min(sel.length, n - from);
                for (int k = 0; k < m; k++) {
                    sel[k] = from + k;
                    gids[k] = cols[0].ints[from + k];
                }
                state.update(args, sel, m, gids);
            }
            states[a] = state;
        }
    }
}

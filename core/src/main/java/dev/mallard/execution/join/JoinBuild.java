package dev.mallard.execution.join;

import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.execution.hash.JoinHashTable;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * The materialized right (build) side of a join: its rows (all right columns, the "payload") and
 * its evaluated key columns, plus after {@link #finish} the hash table, the per-row "matched"
 * flags of RIGHT/FULL joins, and what null-aware joins need to know about NULL keys.
 */
public final class JoinBuild extends GlobalSinkState {
    private final List<LogicalType> payloadTypes;
    private final List<LogicalType> keyTypes;
    private ColumnCollection payload;
    private ColumnCollection keys;
    private JoinHashTable table;
    /** RIGHT/FULL: set (racily but idempotently, by any probe thread) when a build row found a partner. */
    private boolean[] matched;
    /** Rows whose first key is NULL (null-aware joins); their count. */
    private int[] nullFirstKeyRows = new int[0];

    public JoinBuild(List<LogicalType> payloadTypes, List<LogicalType> keyTypes) {
        this.payloadTypes = List.copyOf(payloadTypes);
        this.keyTypes = List.copyOf(keyTypes);
    }

    /** One thread's build rows. */
    public static final class Local extends LocalSinkState {
        final ColumnCollection payload;
        final ColumnCollection keys;
        private final ExpressionEvaluator[] keyEvals;
        private final Vector[] keyVectors;

        public Local(List<LogicalType> payloadTypes, List<ResolvedExpr> rightKeys) {
            this.payload = new ColumnCollection(payloadTypes);
            this.keys = new ColumnCollection(rightKeys.stream().map(ResolvedExpr::type).toList());
            this.keyEvals = new ExpressionEvaluator[rightKeys.size()];
            for (int i = 0; i < keyEvals.length; i++) keyEvals[i] = new ExpressionEvaluator(rightKeys.get(i));
            this.keyVectors = new Vector[keyEvals.length];
        }

        public void sink(DataChunk chunk) {
            payload.append(chunk);
            if (keyEvals.length > 0) {
                for (int i = 0; i < keyEvals.length; i++) keyVectors[i] = keyEvals[i].evaluate(chunk);
                keys.append(keyVectors, 0, chunk.sel(), chunk.count());
            }
        }
    }

    public synchronized void combine(Local local) {
        if (payload == null) {
            payload = local.payload;
            keys = local.keys;
        } else {
            payload.append(local.payload, 0, local.payload.size());
            keys.append(local.keys, 0, local.keys.size());
        }
    }

    /**
     * Builds what probing needs.
     *
     * @param nullsEqual    per key; null when there are no keys (nested loops)
     * @param trackMatches  RIGHT/FULL: allocate the matched flags
     * @param nullAwareKey0 remember the rows whose key 0 is NULL
     */
    public void finish(boolean[] nullsEqual, boolean trackMatches, boolean nullAwareKey0) {
        if (payload == null) {
            payload = new ColumnCollection(payloadTypes, 1);
            keys = new ColumnCollection(keyTypes, 1);
        }
        int n = payload.size();
        if (nullsEqual != null && nullsEqual.length > 0) table = new JoinHashTable(keys, nullsEqual);
        if (trackMatches) matched = new boolean[Math.max(1, n)];
        if (nullAwareKey0) {
            Vector k0 = keys.column(0);
            int count = 0;
            int[] rows = new int[16];
            if (k0.mayHaveNulls()) {
                for (int r = 0; r < n; r++) {
                    if (k0.isNull(r)) {
                        if (count == rows.length) rows = java.util.Arrays.copyOf(rows, count * 2);
                        rows[count++] = r;
                    }
                }
            }
            nullFirstKeyRows = java.util.Arrays.copyOf(rows, count);
        }
    }

    public int rowCount() {
        return payload.size();
    }

    public ColumnCollection payload() {
        return payload;
    }

    public JoinHashTable table() {
        return table;
    }

    public boolean[] matched() {
        return matched;
    }

    public int[] nullFirstKeyRows() {
        return nullFirstKeyRows;
    }
}

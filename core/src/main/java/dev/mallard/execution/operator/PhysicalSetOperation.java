package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalOperatorState;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.OperatorResult;
import dev.mallard.execution.OperatorState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.Pipeline;
import dev.mallard.execution.PipelineBuilder;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.hash.GroupHashTable;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * INTERSECT and EXCEPT, with or without ALL. The right input is counted per distinct row in a
 * hash table (NULL equals NULL here, as set operations require); the left input then streams
 * through, each row consuming one count:
 * <ul>
 *   <li>INTERSECT ALL keeps a row while its right count lasts: min(m, n) copies;</li>
 *   <li>EXCEPT ALL drops a row while its right count lasts: max(m - n, 0) copies;</li>
 *   <li>INTERSECT keeps the first left row of each value present on the right;</li>
 *   <li>EXCEPT keeps the first left row of each value absent on the right.</li>
 * </ul>
 * The counts are shared, so the left pipeline runs on one thread, which also keeps left order.
 */
public final class PhysicalSetOperation extends PhysicalOperator {
    private final SetOpKind kind;
    private final boolean all;
    private final PhysicalOperator left;
    private final PhysicalOperator right;

    public PhysicalSetOperation(SetOpKind kind, boolean all, PhysicalOperator left, PhysicalOperator right) {
        super(left.types());
        if (kind == SetOpKind.UNION) throw new IllegalArgumentException("UNION is planned as UNION ALL (+ DISTINCT)");
        this.kind = kind;
        this.all = all;
        this.left = left;
        this.right = right;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }

    @Override
    public String name() {
        return kind.name() + (all ? "_ALL" : "");
    }

    @Override
    protected void buildPipelines(PipelineBuilder builder, Pipeline current) {
        current.addOperator(this);
        builder.buildChild(this, right);
        builder.build(left, current);
    }

    @Override
    public boolean requiresSerialExecution() {
        return true;
    }

    // ---- sink: count the right rows ---------------------------------------------------------------

    static final class Counts {
        final GroupHashTable table;
        long[] counts = new long[16];
        int[] ids = new int[Vector.DEFAULT_CAPACITY];

        Counts(List<LogicalType> types) {
            table = new GroupHashTable(types);
        }

        void add(Vector[] cols, int[] sel, int n, long[] weights) {
            if (ids.length < n) ids = new int[n];
            table.findOrCreate(cols, sel, n, ids);
            if (counts.length < table.size()) counts = java.util.Arrays.copyOf(counts, Math.max(table.size(), counts.length * 2));
            for (int k = 0; k < n; k++) counts[ids[k]] += weights == null ? 1 : weights[k];
        }
    }

    static final class Global extends GlobalSinkState {
        Counts counts;
        /** Probe-time state, shared by all left pipelines: remaining counts, and what was emitted. */
        long[] remaining;
        boolean[] emitted;
        GroupHashTable seenLeft;
    }

    static final class Local extends LocalSinkState {
        final Counts counts;

        Local(List<LogicalType> types) {
            counts = new Counts(types);
        }
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new Global();
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new Local(right.types());
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        ((Local) local).counts.add(input.columns(), input.sel(), input.count(), null);
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        Global g = (Global) global;
        Counts mine = ((Local) local).counts;
        synchronized (g) {
            if (g.counts == null) {
                g.counts = mine;
            } else {
                int n = mine.table.size();
                g.counts.add(mine.table.keys().columns(), null, n, java.util.Arrays.copyOf(mine.counts, n));
            }
        }
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        Global g = (Global) global;
        if (g.counts == null) g.counts = new Counts(right.types());
        int n = g.counts.table.size();
        g.remaining = java.util.Arrays.copyOf(g.counts.counts, Math.max(1, n));
        g.emitted = new boolean[Math.max(1, n)];
        g.seenLeft = new GroupHashTable(left.types());
    }

    // ---- operator: stream the left rows ----------------------------------------------------------

    static final class State extends OperatorState {
        final Global global;
        int[] ids = new int[Vector.DEFAULT_CAPACITY];
        int[] sel = new int[Vector.DEFAULT_CAPACITY];
        int[] candidates = new int[Vector.DEFAULT_CAPACITY];
        boolean[] firstSeen = new boolean[Vector.DEFAULT_CAPACITY];
        DataChunk view;

        State(Global global) {
            this.global = global;
        }
    }

    @Override
    public OperatorState operatorState(ExecutionContext ctx, GlobalOperatorState globalOp, GlobalSinkState sinkState) {
        return new State((Global) sinkState);
    }

    @Override
    public OperatorResult execute(ExecutionContext ctx, DataChunk input, OperatorState state) {
        State s = (State) state;
        Global g = s.global;
        int n = input.count();
        int[] sel = input.sel();
        if (s.ids.length < n) {
            s.ids = new int[n];
            s.sel = new int[n];
            s.candidates = new int[n];
        }
        g.counts.table.find(input.columns(), sel, n, s.ids);
        int out = 0;
        if (kind == SetOpKind.EXCEPT && !all) {
            int c = 0;
            for (int k = 0; k < n; k++) if (s.ids[k] < 0) s.candidates[c++] = sel == null ? k : sel[k];
            int before = g.seenLeft.size();
            g.seenLeft.findOrCreate(input.columns(), s.candidates, c, s.ids);
            // Emit the first row of each group this batch created (ids need not follow row order).
            int created = g.seenLeft.size() - before;
            if (s.firstSeen.length < created) s.firstSeen = new boolean[Math.max(created, Vector.DEFAULT_CAPACITY)];
            java.util.Arrays.fill(s.firstSeen, 0, created, false);
            for (int j = 0; j < c; j++) {
                int fresh = s.ids[j] - before;
                if (fresh >= 0 && !s.firstSeen[fresh]) {
                    s.firstSeen[fresh] = true;
                    s.sel[out++] = s.candidates[j];
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                int id = s.ids[k];
                boolean keep;
                if (kind == SetOpKind.INTERSECT) {
                    if (all) {
                        keep = id >= 0 && g.remaining[id] > 0;
                        if (keep) g.remaining[id]--;
                    } else {
                        keep = id >= 0 && !g.emitted[id];
                        if (keep) g.emitted[id] = true;
                    }
                } else { // EXCEPT ALL
                    if (id >= 0 && g.remaining[id] > 0) {
                        g.remaining[id]--;
                        keep = false;
                    } else {
                        keep = true;
                    }
                }
                if (keep) s.sel[out++] = sel == null ? k : sel[k];
            }
        }
        if (out == n) {
            s.output = input;
        } else if (out > 0) {
            if (s.view == null || s.view.columns() != input.columns()) s.view = new DataChunk(input.columns(), 0, null);
            s.view.setSelection(s.sel, out);
            s.output = s.view;
        }
        return OperatorResult.NEED_MORE_INPUT;
    }
}

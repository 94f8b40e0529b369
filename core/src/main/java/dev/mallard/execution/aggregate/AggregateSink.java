package dev.mallard.execution.aggregate;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.ParallelTasks;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The states behind {@link dev.mallard.execution.operator.PhysicalHashAggregate}. */
public final class AggregateSink {
    private AggregateSink() {}

    /** One thread's groups and states. */
    public static final class Local extends LocalSinkState {
        final AggregateTable table;
        private final ExpressionEvaluator[] groupEvals;
        private final Vector[] keys;
        private final ExpressionEvaluator[][] argEvals;
        private final Vector[][] args;
        /** Per aggregate: its ORDER BY key evaluators (empty without ORDER BY). */
        private final ExpressionEvaluator[][] orderEvals;
        private final ExpressionEvaluator[] filterEvals;
        private int[] groupIds = new int[Vector.DEFAULT_CAPACITY];
        private int[] filterSel = new int[Vector.DEFAULT_CAPACITY];
        private int[] filterGroups = new int[Vector.DEFAULT_CAPACITY];
        private int[] scratch = new int[Vector.DEFAULT_CAPACITY];
        private Vector groupIdVector;

        public Local(List<ResolvedExpr> groups, List<AggregateSpec> aggregates) {
            List<LogicalType> keyTypes = groups.stream().map(ResolvedExpr::type).toList();
            this.table = new AggregateTable(keyTypes, !groups.isEmpty(), aggregates);
            this.groupEvals = new ExpressionEvaluator[groups.size()];
            for (int i = 0; i < groupEvals.length; i++) groupEvals[i] = new ExpressionEvaluator(groups.get(i));
            this.keys = new Vector[groupEvals.length];
            this.argEvals = new ExpressionEvaluator[aggregates.size()][];
            this.args = new Vector[aggregates.size()][];
            this.filterEvals = new ExpressionEvaluator[aggregates.size()];
            this.orderEvals = new ExpressionEvaluator[aggregates.size()][];
            for (int a = 0; a < aggregates.size(); a++) {
                AggregateSpec spec = aggregates.get(a);
                argEvals[a] = new ExpressionEvaluator[spec.args().size()];
                for (int j = 0; j < argEvals[a].length; j++) argEvals[a][j] = new ExpressionEvaluator(spec.args().get(j));
                args[a] = new Vector[argEvals[a].length];
                if (spec.filter() != null) filterEvals[a] = new ExpressionEvaluator(spec.filter());
                orderEvals[a] = new ExpressionEvaluator[spec.orderBy().size()];
                for (int j = 0; j < orderEvals[a].length; j++) orderEvals[a][j] = new ExpressionEvaluator(spec.orderBy().get(j).expr());
            }
        }

        public void sink(DataChunk input) {
            int n = input.count();
            if (n == 0) return;
            int[] sel = input.sel();
            if (groupIds.length < n) {
                groupIds = new int[n];
                filterSel = new int[n];
                filterGroups = new int[n];
                scratch = new int[n];
            }
            if (table.groups != null) {
                for (int i = 0; i < keys.length; i++) keys[i] = groupEvals[i].evaluate(input);
                table.groups.findOrCreate(keys, sel, n, groupIds);
            }
            // without keys every row is in group 0
            int[] rowGroups = table.groups != null ? groupIds : dev.mallard.function.aggregate.GroupIds.allZero(n);
            int groupCount = table.groupCount();
            for (int a = 0; a < args.length; a++) {
                for (int j = 0; j < args[a].length; j++) args[a][j] = argEvals[a][j].evaluate(input);
                int[] curSel = sel;
                int curCount = n;
                int[] curGroups = rowGroups;
                if (filterEvals[a] != null) {
                    curCount = filterEvals[a].select(input, filterSel);
                    // the selected positions are an ordered subsequence of the live rows
                    for (int k = 0, i = 0; k < n && i < curCount; k++) {
                        if ((sel == null ? k : sel[k]) == filterSel[i]) filterGroups[i++] = rowGroups[k];
                    }
                    curSel = filterSel;
                    curGroups = filterGroups;
                }
                if (curCount == 0) continue;
                if (table.states[a] == null) {
                    // buffered (DISTINCT or ORDER BY): keep the tuples (group id, args..., keys...)
                    int limit = VectorOps.positionLimit(curSel, curCount);
                    if (groupIdVector == null) groupIdVector = new Vector(LogicalType.INTEGER, Math.max(limit, Vector.DEFAULT_CAPACITY));
                    groupIdVector.ensureCapacity(limit);
                    for (int k = 0; k < curCount; k++) groupIdVector.ints[curSel == null ? k : curSel[k]] = curGroups[k];
                    Vector[] cols = new Vector[1 + args[a].length + orderEvals[a].length];
                    cols[0] = groupIdVector;
                    System.arraycopy(args[a], 0, cols, 1, args[a].length);
                    for (int j = 0; j < orderEvals[a].length; j++) cols[1 + args[a].length + j] = orderEvals[a][j].evaluate(input);
                    if (table.distinct[a] != null) table.distinct[a].findOrCreate(cols, curSel, curCount, scratch);
                    else table.ordered[a].append(cols, 0, curSel, curCount);
                } else {
                    table.states[a].ensureGroups(groupCount);
                    table.states[a].update(args[a], curSel, curCount, curGroups);
                }
            }
        }
    }

    /**
     * The threads' tables and, after {@link #finish}, the merged result: one table, or for many
     * groups one table per hash partition, merged in parallel (every thread's groups of partition
     * p go to table p, so partitions never share a group).
     */
    public static final class Global extends GlobalSinkState {
        /** Below this many groups in all, one thread merges: partitioning would cost more than it saves. */
        static final int PARALLEL_MERGE_MIN_GROUPS = 20_000;
        private final List<ResolvedExpr> groups;
        private final List<AggregateSpec> aggregates;
        private final List<AggregateTable> locals = new ArrayList<>();
        private AggregateTable[] parts;

        public Global(List<ResolvedExpr> groups, List<AggregateSpec> aggregates) {
            this.groups = groups;
            this.aggregates = aggregates;
        }

        public synchronized void combine(Local local) {
            locals.add(local.table);
        }

        public void finish(ExecutionContext ctx) {
            long total = 0;
            for (AggregateTable t : locals) total += t.groupCount();
            if (locals.isEmpty()) {
                parts = new AggregateTable[] {newTable()};
            } else if (locals.size() == 1 || !locals.get(0).partitionable() || total < PARALLEL_MERGE_MIN_GROUPS
                    || ctx.threads() == 1) {
                AggregateTable table = locals.get(0); // the first thread's table becomes the result: no copy
                for (int i = 1; i < locals.size(); i++) table.merge(locals.get(i));
                parts = new AggregateTable[] {table};
            } else {
                parts = mergePartitioned(ctx);
            }
            locals.clear();
            for (AggregateTable t : parts) {
                t.finishBuffered();
                for (var s : t.states) s.ensureGroups(Math.max(1, t.groupCount()));
            }
        }

        private AggregateTable newTable() {
            return new AggregateTable(groups.stream().map(ResolvedExpr::type).toList(), !groups.isEmpty(), aggregates);
        }

        private AggregateTable[] mergePartitioned(ExecutionContext ctx) {
            int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, ctx.threads() * 4 - 1));
            int partitions = 1 << bits;
            int tables = locals.size();
            // members[t][p]: the groups of thread table t that fall in partition p
            int[][][] members = new int[tables][][];
            int[][] counts = new int[tables][];
            ParallelTasks.run(ctx, tables, t -> {
                AggregateTable table = locals.get(t);
                int n = table.groupCount();
                int[] partitionOf = new int[n];
                int[] c = new int[partitions];
                for (int g = 0; g < n; g++) {
                    int p = (int) (table.groups.hashOf(g) >>> (64 - bits));
                    partitionOf[g] = p;
                    c[p]++;
                }
                int[][] m = new int[partitions][];
                for (int p = 0; p < partitions; p++) m[p] = new int[c[p]];
                int[] fill = new int[partitions];
                for (int g = 0; g < n; g++) {
                    int p = partitionOf[g];
                    m[p][fill[p]++] = g;
                }
                members[t] = m;
                counts[t] = c;
            });
            AggregateTable[] result = new AggregateTable[partitions];
            ParallelTasks.run(ctx, partitions, p -> {
                AggregateTable merged = newTable();
                int expected = 0;
                for (int t = 0; t < tables; t++) expected += counts[t][p];
                merged.reserve(expected);
                for (int t = 0; t < tables; t++) merged.mergeGroups(locals.get(t), members[t][p], counts[t][p]);
                result[p] = merged;
            });
            return result;
        }

        public Scan scanState() {
            return new Scan(parts, groups.size());
        }
    }

    /** Hands out the result rows, up to 2048 groups of one partition at a time. */
    public static final class Scan extends GlobalSourceState {
        private final AggregateTable[] parts;
        private final int keyCount;
        /** Chunk i covers groups [chunkStart[i], +2048) of partition chunkPart[i]. */
        private final int[] chunkPart;
        private final int[] chunkStart;
        private final AtomicInteger nextChunk = new AtomicInteger();

        Scan(AggregateTable[] parts, int keyCount) {
            this.parts = parts;
            this.keyCount = keyCount;
            int chunks = 0;
            for (AggregateTable t : parts) chunks += (t.groupCount() + Vector.DEFAULT_CAPACITY - 1) / Vector.DEFAULT_CAPACITY;
            chunkPart = new int[chunks];
            chunkStart = new int[chunks];
            int i = 0;
            for (int p = 0; p < parts.length; p++) {
                for (int start = 0; start < parts[p].groupCount(); start += Vector.DEFAULT_CAPACITY) {
                    chunkPart[i] = p;
                    chunkStart[i++] = start;
                }
            }
        }

        @Override
        public int maxThreads() {
            return Math.max(1, chunkPart.length);
        }

        public SourceResult next(DataChunk out, LocalSourceState local) {
            int chunk = nextChunk.getAndIncrement();
            if (chunk >= chunkPart.length) return SourceResult.FINISHED;
            AggregateTable table = parts[chunkPart[chunk]];
            int start = chunkStart[chunk];
            int n = Math.min(Vector.DEFAULT_CAPACITY, table.groupCount() - start);
            local.batchIndex = chunk;
            for (int c = 0; c < keyCount; c++) VectorOps.copyRange(table.groups.keys().column(c), start, n, out.column(c), 0);
            for (int a = 0; a < table.states.length; a++) {
                Vector v = out.column(keyCount + a);
                for (int k = 0; k < n; k++) table.states[a].finalize(start + k, v, k);
            }
            out.setCount(n);
            return chunk + 1 >= chunkPart.length ? SourceResult.FINISHED : SourceResult.HAVE_MORE_OUTPUT;
        }
    }
}

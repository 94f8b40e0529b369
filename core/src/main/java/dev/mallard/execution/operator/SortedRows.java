package dev.mallard.execution.operator;

import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.data.BatchedRows;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.data.OrderedRows;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Materialization shared by the blocking operators that need all their input at once (sort,
 * window): each thread appends its input rows plus extra computed columns, in batch order, so the
 * combined rows are in source order whatever the thread count (sorts stay stable, window
 * functions without ORDER BY see input order).
 */
final class SortedRows {
    private SortedRows() {}

    /** Columns stored per row: the input columns, then one per expression that is not a plain column. */
    static List<LogicalType> storedTypes(List<LogicalType> inputTypes, List<ResolvedExpr> extra) {
        List<LogicalType> t = new ArrayList<>(inputTypes);
        for (ResolvedExpr e : extra) t.add(e.type());
        return t;
    }

    static final class Local extends LocalSinkState {
        final BatchedRows rows;
        private final ExpressionEvaluator[] evals;
        private final Vector[] columns;
        private final int width;
        private final DataChunk view;

        Local(List<LogicalType> inputTypes, List<ResolvedExpr> extra) {
            rows = new BatchedRows(storedTypes(inputTypes, extra));
            width = inputTypes.size();
            evals = new ExpressionEvaluator[extra.size()];
            for (int i = 0; i < evals.length; i++) evals[i] = new ExpressionEvaluator(extra.get(i));
            columns = new Vector[width + evals.length];
            view = new DataChunk(columns, 0, null);
        }

        void sink(DataChunk input) {
            System.arraycopy(input.columns(), 0, columns, 0, width);
            for (int i = 0; i < evals.length; i++) columns[width + i] = evals[i].evaluate(input);
            view.setSelection(input.sel(), input.count());
            rows.append(view, batchIndex);
        }
    }

    static final class Global extends GlobalSinkState {
        final OrderedRows ordered;
        ColumnCollection rows;
        /** Output order (a permutation of the rows), or null for storage order. */
        int[] order;
        /** Extra output columns computed at finalize (window results), one full-length vector each. */
        Vector[] extraOutputs = new Vector[0];

        Global(List<LogicalType> storedTypes) {
            ordered = new OrderedRows(storedTypes);
        }

        void combine(Local local) {
            ordered.add(local.rows);
        }

        void finishRows() {
            rows = ordered.finish();
        }
    }

    /** Emits the first {@code width} stored columns (in {@code order}) plus the extra outputs, 2048 rows per range. */
    static final class Scan extends GlobalSourceState {
        private final Global global;
        private final int width;
        private final int ranges;
        private final AtomicInteger next = new AtomicInteger();

        Scan(Global global, int width) {
            this.global = global;
            this.width = width;
            this.ranges = (global.rows.size() + Vector.DEFAULT_CAPACITY - 1) / Vector.DEFAULT_CAPACITY;
        }

        @Override
        public int maxThreads() {
            return Math.max(1, ranges);
        }

        SourceResult next(DataChunk out, LocalSourceState local) {
            int range = next.getAndIncrement();
            if (range >= ranges) return SourceResult.FINISHED;
            local.batchIndex = range;
            int from = range * Vector.DEFAULT_CAPACITY;
            int n = Math.min(Vector.DEFAULT_CAPACITY, global.rows.size() - from);
            int[] order = global.order;
            int[] rows = null;
            if (order != null) {
                rows = new int[n];
                System.arraycopy(order, from, rows, 0, n);
            }
            for (int c = 0; c < width; c++) {
                if (rows == null) VectorOps.copyRange(global.rows.column(c), from, n, out.column(c), 0);
                else VectorOps.gather(global.rows.column(c), rows, n, out.column(c), 0);
            }
            for (int e = 0; e < global.extraOutputs.length; e++) {
                if (rows == null) VectorOps.copyRange(global.extraOutputs[e], from, n, out.column(width + e), 0);
                else VectorOps.gather(global.extraOutputs[e], rows, n, out.column(width + e), 0);
            }
            out.setCount(n);
            return range + 1 >= ranges ? SourceResult.FINISHED : SourceResult.HAVE_MORE_OUTPUT;
        }
    }
}

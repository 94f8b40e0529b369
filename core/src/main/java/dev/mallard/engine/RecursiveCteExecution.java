package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.planner.RecursiveCteRunner;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The session's way of iterating a recursive CTE to its fixpoint (see {@link RecursiveCteRunner}). */
final class RecursiveCteExecution implements RecursiveCteRunner {
    private final StatementExecutor statements;

    RecursiveCteExecution(StatementExecutor statements) {
        this.statements = statements;
    }

    @Override
    public BoundTableFunction run(LogicalPlan anchor, Function<BoundTableFunction, LogicalPlan> step, boolean unionAll,
                                  List<String> names) {
        ChunkCollection all = new ChunkCollection(anchor.outputs().stream().map(r -> r.type()).toList());
        Set<List<Object>> seen = unionAll ? null : new HashSet<>();
        ChunkCollection working = keepNew(run(anchor, names), seen, all.types());
        while (working.rowCount() > 0) {
            if (statements.client().cancelRequested()) throw new MallardException.Interrupted("Query was cancelled");
            for (DataChunk c : working.chunks()) all.append(c);
            working = keepNew(run(step.apply(new ChunkScan(names, working)), names), seen, all.types());
        }
        return new ChunkScan(names, all);
    }

    private ChunkCollection run(LogicalPlan plan, List<String> names) {
        return ChunkCollection.drain(statements.run(plan, names));
    }

    /** For UNION: only rows not produced before (nor twice in this round); UNION ALL keeps everything. */
    private static ChunkCollection keepNew(ChunkCollection rows, Set<List<Object>> seen, List<dev.mallard.types.LogicalType> types) {
        if (seen == null) return rows;
        ChunkCollection out = new ChunkCollection(types);
        for (DataChunk chunk : rows.chunks()) {
            int[] sel = new int[chunk.count()];
            int n = 0;
            for (int k = 0; k < chunk.count(); k++) {
                List<Object> row = new ArrayList<>(chunk.columnCount());
                for (int c = 0; c < chunk.columnCount(); c++) row.add(chunk.getObject(c, k));
                if (seen.add(row)) sel[n++] = chunk.position(k);
            }
            chunk.setSelection(sel, n);
            out.append(chunk);
        }
        return out;
    }
}

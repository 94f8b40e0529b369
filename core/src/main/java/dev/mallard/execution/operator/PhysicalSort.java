package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.execution.sort.Sorter;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY: materializes the input (and key expressions that are not plain columns) in source
 * order, sorts a row permutation with the stable {@link Sorter}, and emits the rows in that order.
 */
public final class PhysicalSort extends PhysicalOperator {
    private final PhysicalOperator child;
    private final List<SortSpec> keys;
    /** Key expressions stored as extra columns; plain column keys read the stored input column. */
    private final List<ResolvedExpr> extra = new ArrayList<>();
    private final int[] keyColumns;

    public PhysicalSort(PhysicalOperator child, List<SortSpec> keys) {
        super(child.types());
        this.child = child;
        this.keys = List.copyOf(keys);
        this.keyColumns = new int[keys.size()];
        int width = child.types().size();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).expr() instanceof ResolvedExpr.ColumnRef c) {
                keyColumns[i] = c.index();
            } else {
                keyColumns[i] = width + extra.size();
                extra.add(keys.get(i).expr());
            }
        }
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "ORDER_BY";
    }

    @Override
    public List<String> details() {
        return List.of(String.join(", ", keys.stream().map(SortSpec::toString).toList()));
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new SortedRows.Global(SortedRows.storedTypes(child.types(), extra));
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new SortedRows.Local(child.types(), extra);
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        ((SortedRows.Local) local).sink(input);
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        ((SortedRows.Global) global).combine((SortedRows.Local) local);
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        SortedRows.Global g = (SortedRows.Global) global;
        g.finishRows();
        Vector[] keyVectors = new Vector[keys.size()];
        boolean[] asc = new boolean[keys.size()];
        boolean[] nullsFirst = new boolean[keys.size()];
        for (int i = 0; i < keyVectors.length; i++) {
            keyVectors[i] = g.rows.column(keyColumns[i]);
            asc[i] = keys.get(i).ascending();
            nullsFirst[i] = keys.get(i).nullsFirst();
        }
        g.order = Sorter.sort(keyVectors, asc, nullsFirst, g.rows.size());
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new SortedRows.Scan((SortedRows.Global) sinkState, child.types().size());
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        return ((SortedRows.Scan) global).next(out, local);
    }
}

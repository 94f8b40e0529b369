package dev.mallard.execution;

import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.engine.QueryResult;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds tables and hand-written logical plans for executor tests, and runs them. */
public final class PlanFixture {
    private PlanFixture() {}

    /** A table named {@code name} with columns c0, c1 ... of the given types, holding {@code rows}. */
    public static TableEntry table(String name, List<LogicalType> types, Object[]... rows) {
        List<ColumnDefinition> cols = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) cols.add(new ColumnDefinition("c" + i, types.get(i), false, null));
        DataTable storage = new DataTable(types);
        DataChunk chunk = new DataChunk(types);
        for (int from = 0; from < rows.length; from += 2048) {
            chunk.reset();
            int n = Math.min(2048, rows.length - from);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < types.size(); c++) chunk.column(c).setObject(r, rows[from + r][c]);
            }
            chunk.setCount(n);
            storage.append(chunk);
        }
        return new TableEntry("main", name, cols, List.of(), List.of(), storage);
    }

    public static Object[] row(Object... values) {
        return values;
    }

    /** A scan of all columns of {@code t}. */
    public static LogicalPlan.Get scan(TableEntry t) {
        List<Integer> idx = new ArrayList<>();
        List<ColumnRef> outs = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            idx.add(i);
            outs.add(ColumnIds.fresh(t.name() + "." + t.columns().get(i).name(), t.columns().get(i).type()));
        }
        return new LogicalPlan.Get(t, idx, outs);
    }

    public static ColumnRef col(LogicalPlan p, int i) {
        return p.outputs().get(i);
    }

    public static Expr.Constant lit(Object v, LogicalType t) {
        return new Expr.Constant(v, t);
    }

    public static Expr.Call cmp(String op, Expr a, Expr b) {
        return new Expr.Call(TestFunctions.compare(op, a.type()), List.of(a, b));
    }

    public static Expr.Call arith(String op, Expr a, Expr b) {
        return new Expr.Call(TestFunctions.arith(op), List.of(a, b));
    }

    public static List<List<Object>> run(LogicalPlan plan) {
        return run(plan, 1);
    }

    public static List<List<Object>> run(LogicalPlan plan, int threads) {
        List<String> names = plan.outputs().stream().map(ColumnRef::name).toList();
        List<List<Object>> out = new ArrayList<>();
        try (QueryResult r = QueryExecutor.execute(plan, names, new ExecutionContext(threads, () -> false))) {
            for (DataChunk c = r.next(); c != null; c = r.next()) {
                for (int k = 0; k < c.count(); k++) {
                    List<Object> row = new ArrayList<>();
                    for (int col = 0; col < c.columnCount(); col++) row.add(c.getObject(col, k));
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Rows as lists, for comparisons: {@code rows(row(1, "a"), row(2, null))}. */
    public static List<List<Object>> rows(Object[]... rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows) out.add(Arrays.asList(r));
        return out;
    }
}

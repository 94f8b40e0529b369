package dev.mallard.function;

import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an aggregate the way a parallel hash aggregate does: rows are split between two states
 * (as two threads would see them), each updated through a selection vector, then both are merged
 * into a third state, which is finalized. Values are typed literals ({@link FunctionTester#lit})
 * and are cast to the aggregate's argument types first, as the binder would.
 */
public final class AggregateTester {
    private AggregateTester() {}

    /** {@code rows.get(r).get(c)} is argument c of row r; every row has the same types. */
    public static Values.Typed aggregate(String name, List<LogicalType> types, List<List<Values.Typed>> rows) {
        AggregateFunction fn = FunctionRegistry.aggregate(name, types);
        AggregateState left = fn.newState(), right = fn.newState(), total = fn.newState();
        left.ensureGroups(1);
        right.ensureGroups(1);
        total.ensureGroups(3);
        feed(fn, left, rows, 0);
        feed(fn, right, rows, 1);
        // Merge into group 2 of the total to exercise the target mapping.
        total.merge(left, null, new int[] {2}, 1);
        total.merge(right, null, new int[] {2}, 1);
        Vector out = new Vector(fn.returnType(), 4);
        total.finalize(2, out, 1);
        return new Values.Typed(fn.returnType(), out.getObject(1));
    }

    private static void feed(AggregateFunction fn, AggregateState state, List<List<Values.Typed>> rows, int parity) {
        int columns = fn.argTypes().size();
        Vector[] args = new Vector[columns];
        for (int c = 0; c < columns; c++) {
            LogicalType target = fn.argTypes().get(c);
            args[c] = new Vector(target, Math.max(rows.size(), 1));
            for (int r = 0; r < rows.size(); r++) {
                Values.Typed v = rows.get(r).get(c);
                args[c].setObject(r, v.type().equals(target) || v.value() == null ? v.value() : FunctionTester.cast(v, target, false));
            }
        }
        List<Integer> selected = new ArrayList<>();
        for (int r = parity; r < rows.size(); r += 2) selected.add(r);
        int[] sel = selected.stream().mapToInt(Integer::intValue).toArray();
        state.update(args, sel, sel.length, new int[sel.length]);
    }

    /** A one-argument aggregate over literal values, e.g. sum over "INTEGER 1", "INTEGER NULL". */
    public static Values.Typed aggregate(String name, String... values) {
        List<List<Values.Typed>> rows = new ArrayList<>();
        LogicalType type = LogicalType.NULL;
        for (String v : values) {
            Values.Typed t = FunctionTester.lit(v);
            type = t.type();
            rows.add(List.of(t));
        }
        return aggregate(name, List.of(type), rows);
    }

    /** Result type and text, e.g. "BIGINT 3". */
    public static String text(String name, String... values) {
        return show(aggregate(name, values));
    }

    public static String show(Values.Typed r) {
        return r.type() + " " + (r.value() == null ? "NULL" : Values.toText(r.type(), r.value()));
    }
}

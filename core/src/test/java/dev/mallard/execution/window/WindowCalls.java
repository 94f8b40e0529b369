package dev.mallard.execution.window;

import dev.mallard.expression.Expr;
import dev.mallard.function.AggregateFunction;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/** Builders for window calls and vectors in tests. The evaluator ignores expressions, so they are placeholders. */
final class WindowCalls {
    private WindowCalls() {}

    static Vector vector(LogicalType type, Object... values) {
        Vector v = new Vector(type, Math.max(values.length, 1));
        for (int i = 0; i < values.length; i++) v.setObject(i, values[i]);
        return v;
    }

    static Vector constant(LogicalType type, Object value, int n) {
        Vector v = new Vector(type, Math.max(n, 1));
        for (int i = 0; i < n; i++) v.setObject(i, value);
        return v;
    }

    static SortKey asc() {
        return new SortKey(placeholder(), true, false);
    }

    static SortKey key(boolean ascending, boolean nullsFirst) {
        return new SortKey(placeholder(), ascending, nullsFirst);
    }

    private static Expr placeholder() {
        return new Expr.ColumnRef(0, LogicalType.INTEGER, "k");
    }

    static FrameBound bound(BoundKind kind) {
        boolean offset = kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
        return new FrameBound(kind, offset ? new Expr.Constant(1L, LogicalType.BIGINT) : null);
    }

    static Frame frame(FrameUnit unit, BoundKind start, BoundKind end) {
        return new Frame(unit, bound(start), bound(end));
    }

    static WindowCall call(WindowFunctionKind kind, LogicalType output, List<SortKey> orderBy, Frame frame) {
        return call(kind, null, output, orderBy, frame, false, false);
    }

    static WindowCall call(WindowFunctionKind kind, AggregateFunction aggregate, LogicalType output,
                           List<SortKey> orderBy, Frame frame, boolean ignoreNulls, boolean distinct) {
        return new WindowCall(new Expr.ColumnRef(99, output, "w"), kind, aggregate, List.of(), distinct, null,
                ignoreNulls, List.of(), orderBy, frame);
    }

    static WindowCall aggregate(AggregateFunction function, List<SortKey> orderBy, Frame frame) {
        return call(WindowFunctionKind.AGGREGATE, function, function.returnType(), orderBy, frame, false, false);
    }

    static List<Object> values(Vector v, int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(v.getObject(i));
        return out;
    }
}

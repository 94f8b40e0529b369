package dev.mallard.plan;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.catalog.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Logical query plans: immutable trees whose nodes name their output columns as symbols
 * ({@link ColumnRef}). Expressions in a node refer to the outputs of its children (and, before
 * decorrelation, to columns of enclosing queries).
 */
public sealed interface LogicalPlan {
    List<ColumnRef> outputs();

    List<LogicalPlan> children();

    /** Reads table columns. {@code columns.get(i)} is the table column index behind {@code outputs.get(i)};
     *  index {@link #ROW_ID} yields the row id (BIGINT) that UPDATE and DELETE use. */
    record Get(TableEntry table, List<Integer> columns, List<ColumnRef> outputs) implements LogicalPlan {
        public static final int ROW_ID = -1;

        @Override
        public List<LogicalPlan> children() {
            return List.of();
        }
    }

    record TableFunctionScan(BoundTableFunction function, List<ColumnRef> outputs) implements LogicalPlan {
        @Override
        public List<LogicalPlan> children() {
            return List.of();
        }
    }

    /**
     * A common table expression computed once and read by every {@link CteScan} with the same
     * {@code id} inside {@code body} (PostgreSQL's rule: a CTE referenced more than once is
     * materialized, so its work is not repeated). {@code columns}: the definition's outputs in the
     * order the scans read them (rewrites of the definition may reorder its outputs; the physical
     * plan restores this order). Outputs: the body's.
     */
    record MaterializedCte(int id, List<ColumnRef> columns, LogicalPlan definition, LogicalPlan body) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            return body.outputs();
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(definition, body);
        }
    }

    /**
     * Reads the rows of materialized CTE {@code id}: {@code outputs.get(i)} is column i of its
     * definition. {@code definition} is the CTE's plan as bound, kept for cardinality estimates
     * only (it is not a child: the rows come from the {@link MaterializedCte} above).
     */
    record CteScan(int id, List<ColumnRef> outputs, LogicalPlan definition) implements LogicalPlan {
        @Override
        public List<LogicalPlan> children() {
            return List.of();
        }
    }

    /** Literal rows; each row has one expression per output, with no column references. */
    record Values(List<ColumnRef> outputs, List<List<Expr>> rows) implements LogicalPlan {
        @Override
        public List<LogicalPlan> children() {
            return List.of();
        }
    }

    /** Produces no rows (a filter the optimizer proved false). */
    record Empty(List<ColumnRef> outputs) implements LogicalPlan {
        @Override
        public List<LogicalPlan> children() {
            return List.of();
        }
    }

    record Assignment(ColumnRef target, Expr expr) {}

    record Project(LogicalPlan child, List<Assignment> assignments) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            return assignments.stream().map(Assignment::target).toList();
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }

    record Filter(LogicalPlan child, Expr predicate) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            return child.outputs();
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }

    /**
     * @param distinct aggregate only distinct argument tuples per group
     * @param filter   FILTER (WHERE ...) condition, or null
     * @param orderBy  {@code f(x ORDER BY y)}: the order in which each group's rows reach the
     *                 aggregate (matters for first, string_agg, ...); empty for any order
     */
    record AggregateCall(ColumnRef output, AggregateFunction function, List<Expr> args, boolean distinct, Expr filter,
                         List<SortKey> orderBy) {
        public AggregateCall {
            args = List.copyOf(args);
            orderBy = List.copyOf(orderBy);
        }

        /** An aggregate that takes its rows in any order. */
        public AggregateCall(ColumnRef output, AggregateFunction function, List<Expr> args, boolean distinct, Expr filter) {
            this(output, function, args, distinct, filter, List.of());
        }
    }

    /** Groups by {@code groups} (each computed by its expression) and computes the aggregates.
     *  Outputs: the group targets, then the aggregate outputs. No groups: exactly one output row. */
    record Aggregate(LogicalPlan child, List<Assignment> groups, List<AggregateCall> aggregates) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            List<ColumnRef> out = new ArrayList<>();
            groups.forEach(g -> out.add(g.target()));
            aggregates.forEach(a -> out.add(a.output()));
            return out;
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }

    enum JoinType {
        INNER, LEFT, RIGHT, FULL,
        /** Left rows with at least one match; outputs left columns only. */
        SEMI,
        /** Left rows with no match; outputs left columns only. With a null-aware condition
         *  (NOT IN) the operator must follow NOT IN's NULL rules; see {@link Join#nullAware}. */
        ANTI,
        /** Every left row plus a BOOLEAN mark: TRUE if some right row matches, NULL if none matches
         *  but some comparison was NULL (IN semantics), else FALSE. */
        MARK,
        /** Left outer join that fails if a left row matches more than one right row (scalar subqueries). */
        SINGLE,
        /** SEMI with the inputs swapped: right rows with at least one match; outputs right columns
         *  only. Chosen late by the optimizer when the preserved side is the smaller one, so the
         *  hash table is built on it and the large side streams through as the probe. */
        RIGHT_SEMI,
        /** ANTI with the inputs swapped (never null-aware): right rows with no match. */
        RIGHT_ANTI
    }

    /**
     * A join on {@code condition} (null means TRUE: a cross product). Outputs: left then right for
     * INNER/LEFT/RIGHT/FULL/SINGLE, left only for SEMI/ANTI, right only for RIGHT_SEMI/RIGHT_ANTI,
     * left then {@code mark} for MARK.
     *
     * @param nullAware for ANTI and MARK joins from NOT IN / IN: the first equality of the condition
     *                  must treat NULL keys per SQL (a NULL on either side makes the result unknown)
     */
    record Join(JoinType type, LogicalPlan left, LogicalPlan right, Expr condition, ColumnRef mark, boolean nullAware)
            implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) return right.outputs();
            List<ColumnRef> out = new ArrayList<>(left.outputs());
            switch (type) {
                case INNER, LEFT, RIGHT, FULL, SINGLE -> out.addAll(right.outputs());
                case SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> { }
                case MARK -> out.add(mark);
            }
            return out;
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(left, right);
        }
    }

    record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {}

    record Sort(LogicalPlan child, List<SortKey> keys) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            return child.outputs();
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }

    /** @param limit maximum rows, or -1 for no limit */
    record Limit(LogicalPlan child, long limit, long offset) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            return child.outputs();
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }

    /** Sort followed by Limit, fused by the optimizer so only limit+offset rows are kept. */
    record TopN(LogicalPlan child, List<SortKey> keys, long limit, long offset) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            return child.outputs();
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }

    enum SetOpKind { UNION, INTERSECT, EXCEPT }

    /** Columns of left and right line up by position; outputs are new symbols. */
    record SetOperation(SetOpKind kind, boolean all, LogicalPlan left, LogicalPlan right, List<ColumnRef> outputs)
            implements LogicalPlan {
        @Override
        public List<LogicalPlan> children() {
            return List.of(left, right);
        }
    }

    enum FrameUnit { ROWS, RANGE, GROUPS }

    enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** A frame bound; {@code offset} is a constant expression for PRECEDING/FOLLOWING, else null. */
    record FrameBound(BoundKind kind, Expr offset) {}

    record Frame(FrameUnit unit, FrameBound start, FrameBound end) {
        /** SQL's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (whole partition without ORDER BY). */
        public static final Frame DEFAULT = new Frame(FrameUnit.RANGE,
                new FrameBound(BoundKind.UNBOUNDED_PRECEDING, null), new FrameBound(BoundKind.CURRENT_ROW, null));
    }

    enum WindowFunctionKind {
        ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE,
        /** Any aggregate function over the frame. */
        AGGREGATE
    }

    /**
     * One window function. {@code aggregate} is set only for AGGREGATE. For LAG/LEAD the args are
     * (value [, offset [, default]]); for NTILE (buckets); for NTH_VALUE (value, n).
     */
    record WindowCall(ColumnRef output, WindowFunctionKind kind, AggregateFunction aggregate, List<Expr> args,
                      boolean distinct, Expr filter, boolean ignoreNulls,
                      List<Expr> partitionBy, List<SortKey> orderBy, Frame frame) {}

    /** Outputs: the child's columns, then one column per call. */
    record Window(LogicalPlan child, List<WindowCall> calls) implements LogicalPlan {
        @Override
        public List<ColumnRef> outputs() {
            List<ColumnRef> out = new ArrayList<>(child.outputs());
            calls.forEach(c -> out.add(c.output()));
            return out;
        }

        @Override
        public List<LogicalPlan> children() {
            return List.of(child);
        }
    }
}

package dev.mallard.expression;

import dev.mallard.function.ScalarFunction;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * A bound, typed expression. Columns are referred to by symbol ({@link ColumnRef#id}), not by
 * position, so optimizer rules can move expressions between plan nodes without renumbering; the
 * physical planner turns symbols into positions once.
 */
public sealed interface Expr {
    LogicalType type();

    /** A column produced by a child plan node (or, inside a subquery, by an outer query). */
    record ColumnRef(int id, LogicalType type, String name) implements Expr {
        @Override
        public String toString() {
            return name + "#" + id;
        }
    }

    /**
     * A constant in physical form (see {@link dev.mallard.vector.Vector#getObject}); null is NULL.
     */
    record Constant(Object value, LogicalType type) implements Expr {
        @Override
        public String toString() {
            return value == null ? "NULL" : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        }
    }

    /** A scalar function call; arguments already have the function's argument types. */
    record Call(ScalarFunction function, List<Expr> args) implements Expr {
        @Override
        public LogicalType type() {
            return function.returnType();
        }
    }

    /** CAST / TRY_CAST; a try-cast yields NULL instead of failing. */
    record Cast(Expr input, LogicalType type, boolean tryCast) implements Expr {}

    /** Three-valued AND of two or more operands. */
    record And(List<Expr> operands) implements Expr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    /** Three-valued OR of two or more operands. */
    record Or(List<Expr> operands) implements Expr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    /** {@code x IS NULL}, or {@code x IS NOT NULL} when negated. */
    record IsNull(Expr operand, boolean negated) implements Expr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    /** Searched CASE; a simple CASE is bound into this form. A missing ELSE is a NULL constant. */
    record Case(List<When> whens, Expr otherwise, LogicalType type) implements Expr {}

    record When(Expr condition, Expr result) {}

    /** First non-NULL operand, evaluated lazily left to right. */
    record Coalesce(List<Expr> operands, LogicalType type) implements Expr {}

    /**
     * {@code value [NOT] IN (list)} with SQL's NULL rules: NULL when no match and the value or some
     * element is NULL. All operands share one type.
     */
    record InList(Expr value, List<Expr> list, boolean negated) implements Expr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    /**
     * A subquery inside an expression. Only the binder creates these, and the subquery planner
     * replaces every one with joins before optimization: none reaches the executor.
     *
     * @param kind     what the subquery yields
     * @param plan     the subquery's plan; it may reference columns of enclosing queries
     * @param operand  the left side of {@code IN}/{@code ANY}/{@code ALL}, else null
     * @param operator comparison function for ANY/ALL (e.g. "=", "<"), else null
     */
    record Subquery(SubqueryKind kind, LogicalPlan plan, Expr operand, String operator, LogicalType type)
            implements Expr {}

    enum SubqueryKind { SCALAR, EXISTS, ANY, ALL }
}

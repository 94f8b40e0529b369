package dev.mallard.execution.expression;

import dev.mallard.function.ScalarFunction;
import dev.mallard.function.ScalarKernel;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * An expression ready to execute: the physical planner's form of {@link dev.mallard.expression.Expr}
 * with column symbols replaced by input positions and everything that can be looked up once
 * (cast kernels, constant IN lists) looked up. Immutable; evaluation state lives in
 * {@link ExpressionEvaluator}. {@link ExpressionPrinter} renders it for EXPLAIN.
 */
public sealed interface ResolvedExpr {
    LogicalType type();

    /** Column {@code index} of the input chunk; {@code name} is for EXPLAIN only. */
    record ColumnRef(int index, LogicalType type, String name) implements ResolvedExpr {}

    /** A constant in physical form; null is NULL. */
    record Constant(Object value, LogicalType type) implements ResolvedExpr {}

    record Call(ScalarFunction function, List<ResolvedExpr> args) implements ResolvedExpr {
        @Override
        public LogicalType type() {
            return function.returnType();
        }
    }

    /** CAST / TRY_CAST; {@code kernel} is null when input and target types are equal, or the input is the NULL type. */
    record Cast(ResolvedExpr input, LogicalType type, boolean tryCast, ScalarKernel kernel) implements ResolvedExpr {}

    record And(List<ResolvedExpr> operands) implements ResolvedExpr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Or(List<ResolvedExpr> operands) implements ResolvedExpr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Not(ResolvedExpr operand) implements ResolvedExpr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record IsNull(ResolvedExpr operand, boolean negated) implements ResolvedExpr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Case(List<When> whens, ResolvedExpr otherwise, LogicalType type) implements ResolvedExpr {}

    record When(ResolvedExpr condition, ResolvedExpr result) {}

    record Coalesce(List<ResolvedExpr> operands, LogicalType type) implements ResolvedExpr {}

    /**
     * {@code value [NOT] IN (list)}. {@code constants} is set when every list element is a constant:
     * then membership is a hash lookup.
     */
    record InList(ResolvedExpr value, List<ResolvedExpr> list, boolean negated, ConstantSet constants)
            implements ResolvedExpr {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }
}

package dev.mallard.execution.operator;

import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;

/** One ORDER BY key resolved against the operator's input. */
public record SortSpec(ResolvedExpr expr, boolean ascending, boolean nullsFirst) {
    @Override
    public String toString() {
        return ExpressionPrinter.print(expr) + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}

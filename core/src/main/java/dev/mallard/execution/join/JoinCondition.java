package dev.mallard.execution.join;

import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A join condition split for execution: equi-join keys (evaluated on each side, hashed), and a
 * residual predicate evaluated on candidate pairs laid out as left columns then right columns.
 *
 * <p>Null-aware joins (NOT IN / IN as ANTI / MARK) single out the condition's first conjunct:
 * a pair where the other conjuncts hold and the first is NULL makes the row's result unknown.
 * If that conjunct is a key ({@code firstIsKey}, it is key 0), the rows a hash lookup cannot see —
 * a NULL key on either side — are examined separately against {@code rest} (all other conjuncts,
 * pair layout; null means TRUE). Otherwise {@code first} (pair layout) is evaluated on the pairs
 * that pass the residual.
 *
 * @param nullsEqual per key: NULL matches NULL (IS NOT DISTINCT FROM)
 */
public record JoinCondition(List<ResolvedExpr> leftKeys, List<ResolvedExpr> rightKeys, boolean[] nullsEqual,
                            ResolvedExpr residual, boolean nullAware, boolean firstIsKey, ResolvedExpr first,
                            ResolvedExpr rest) {

    public JoinCondition {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        nullsEqual = nullsEqual.clone();
    }

    public boolean hasKeys() {
        return !leftKeys.isEmpty();
    }

    /** EXPLAIN lines: the key equalities and the residual. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            out.add(ExpressionPrinter.print(leftKeys.get(i)) + (nullsEqual[i] ? " IS NOT DISTINCT FROM " : " = ")
                    + ExpressionPrinter.print(rightKeys.get(i)));
        }
        if (first != null) out.add(ExpressionPrinter.print(first));
        if (residual != null) out.add(ExpressionPrinter.print(residual));
        return out;
    }
}

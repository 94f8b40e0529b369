package dev.mallard.planner;

import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.plan.LogicalPlan;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a recursive CTE while binding: the anchor runs once, then the recursive term runs
 * with the working table bound to the previous round's new rows, until a round adds none. The
 * result is materialized, and references to the CTE read it like a table.
 * The session supplies the implementation, since running a plan is the executor's job.
 */
public interface RecursiveCteRunner {
    /**
     * @param anchor   the non-recursive term
     * @param step     the recursive term, planned over a given working table; its outputs have the anchor's types
     * @param unionAll UNION ALL keeps duplicates; UNION stops on rows already produced
     * @param names    the CTE's column names
     */
    BoundTableFunction run(LogicalPlan anchor, Function<BoundTableFunction, LogicalPlan> step, boolean unionAll, List<String> names);
}

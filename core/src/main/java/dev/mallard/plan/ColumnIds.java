package dev.mallard.plan;

import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.types.LogicalType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out column symbols. Ids are unique in the JVM, so plans built by the binder, by rewrites
 * and by different statements can never confuse two columns.
 */
public final class ColumnIds {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private ColumnIds() {}

    /** A JVM-unique id for other plan symbols (materialized CTEs), from the same counter. */
    public static int freshId() {
        return NEXT.incrementAndGet();
    }

    public static ColumnRef fresh(String name, LogicalType type) {
        return new ColumnRef(NEXT.incrementAndGet(), type, name);
    }
}

package dev.mallard.jdbc;

import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.expression.Expr;
import dev.mallard.types.Values;
import dev.mallard.vector.Vector;

/**
 * Writes a Java value into a vector of a table column's type, cast as an INSERT would cast a bound
 * parameter: the general path of the bulk writers ({@link MallardAppender}, the table API's bulk
 * insert) for values they have no direct store for.
 */
public final class JavaValueCast {
    private JavaValueCast() {}

    /** {@code value} (any type JDBC's setObject accepts; null writes NULL) at position {@code row} of {@code v}. */
    public static void set(Vector v, int row, Object value) {
        Values.Typed typed = Values.fromJava(value);
        Object physical = typed.type().equals(v.type()) || typed.value() == null ? typed.value()
                : ExpressionEvaluator.evaluateConstant(new Expr.Cast(new Expr.Constant(typed.value(), typed.type()), v.type(), false));
        v.setObject(row, physical);
    }
}

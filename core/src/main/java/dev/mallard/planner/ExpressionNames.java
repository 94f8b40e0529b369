package dev.mallard.planner;

import dev.mallard.sql.tree.*;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The column name a select expression gets when it has no alias, close to DuckDB's: a column keeps
 * its name, a call shows as {@code name(args)}, an operator as its infix text.
 */
final class ExpressionNames {
    private ExpressionNames() {}

    static String of(Expression e) {
        if (e == null) return "?column?";
        return switch (e) {
            case ColumnRef c -> c.name().last().value();
            case IntegerLiteral l -> l.text();
            case DecimalLiteral l -> l.text();
            case DoubleLiteral l -> l.text();
            case StringLiteral l -> "'" + l.value() + "'";
            case BooleanLiteral l -> l.value() ? "true" : "false";
            case NullLiteral l -> "NULL";
            case TypedLiteral l -> l.type().name().toUpperCase(Locale.ROOT) + " '" + l.value() + "'";
            case FunctionCall f -> {
                String name = f.name().last().value().toLowerCase(Locale.ROOT);
                if (f.star()) yield name.equals("count") ? "count_star()" : name + "(*)";
                String args = f.arguments().stream().map(ExpressionNames::of).collect(Collectors.joining(", "));
                yield name + "(" + (f.distinct() ? "DISTINCT " : "") + args + ")";
            }
            case Cast c -> "CAST(" + of(c.expression()) + " AS " + c.type() + ")";
            case BinaryOperation b -> "(" + of(b.left()) + " " + b.operator().symbol() + " " + of(b.right()) + ")";
            case Comparison c -> "(" + of(c.left()) + " " + c.operator().symbol() + " " + of(c.right()) + ")";
            case UnaryOperation u -> u.operator().symbol() + of(u.operand());
            case Extract x -> "extract(" + x.field().toLowerCase(Locale.ROOT) + " FROM " + of(x.source()) + ")";
            case IntervalExpression i -> "INTERVAL " + of(i.value()) + (i.unit() == null ? "" : " " + i.unit().toUpperCase(Locale.ROOT));
            case Like l -> "(" + of(l.value()) + (l.negated() ? " NOT " : " ") + l.kind() + " " + of(l.pattern()) + ")";
            case IsNull n -> "(" + of(n.expression()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
            case CaseExpression c -> "CASE";
            case ScalarSubquery s -> "(SELECT)";
            case Exists x -> "EXISTS";
            default -> e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}

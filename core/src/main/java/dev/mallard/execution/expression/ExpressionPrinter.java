package dev.mallard.execution.expression;

import dev.mallard.types.Values;
import java.util.List;
import java.util.stream.Collectors;

/** Renders resolved expressions for EXPLAIN: infix operators, column names, SQL-style literals. */
public final class ExpressionPrinter {
    private ExpressionPrinter() {}

    public static String print(ResolvedExpr e) {
        return switch (e) {
            case ResolvedExpr.ColumnRef c -> c.name() == null ? "#" + c.index() : c.name();
            case ResolvedExpr.Constant k -> literal(k);
            case ResolvedExpr.Call c -> call(c.function().name(), c.args());
            case ResolvedExpr.Cast c -> (c.tryCast() ? "TRY_CAST(" : "CAST(") + print(c.input()) + " AS " + c.type() + ")";
            case ResolvedExpr.And a -> joined(a.operands(), " AND ");
            case ResolvedExpr.Or o -> joined(o.operands(), " OR ");
            case ResolvedExpr.Not n -> "(NOT " + print(n.operand()) + ")";
            case ResolvedExpr.IsNull n -> "(" + print(n.operand()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
            case ResolvedExpr.Case c -> {
                StringBuilder b = new StringBuilder("CASE");
                for (ResolvedExpr.When w : c.whens()) {
                    b.append(" WHEN ").append(print(w.condition())).append(" THEN ").append(print(w.result()));
                }
                yield b.append(" ELSE ").append(print(c.otherwise())).append(" END").toString();
            }
            case ResolvedExpr.Coalesce c -> "COALESCE(" + list(c.operands()) + ")";
            case ResolvedExpr.InList in -> "(" + print(in.value()) + (in.negated() ? " NOT IN (" : " IN (") + list(in.list()) + "))";
        };
    }

    public static String list(List<ResolvedExpr> exprs) {
        return exprs.stream().map(ExpressionPrinter::print).collect(Collectors.joining(", "));
    }

    private static String joined(List<ResolvedExpr> operands, String op) {
        return "(" + operands.stream().map(ExpressionPrinter::print).collect(Collectors.joining(op)) + ")";
    }

    private static String call(String name, List<ResolvedExpr> args) {
        boolean operator = !name.isEmpty() && !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_';
        if (operator && args.size() == 2) return "(" + print(args.get(0)) + " " + name + " " + print(args.get(1)) + ")";
        if (operator && args.size() == 1) return "(" + name + print(args.get(0)) + ")";
        return name + "(" + list(args) + ")";
    }

    private static String literal(ResolvedExpr.Constant k) {
        if (k.value() == null) return "NULL";
        String text;
        try {
            text = Values.toText(k.type(), k.value());
        } catch (RuntimeException notYet) {
            text = String.valueOf(k.value());
        }
        return switch (k.type().id()) {
            case VARCHAR -> "'" + text.replace("'", "''") + "'";
            case DATE, TIMESTAMP, INTERVAL -> k.type().id() + " '" + text + "'";
            default -> text;
        };
    }
}

package dev.mallard.execution;

import java.util.List;

/**
 * EXPLAIN text of a physical plan: one line per operator (name, then its details separated by
 * {@code |}), children below with box-drawing connectors. Deterministic, so expected-plan tests
 * can compare it as text.
 *
 * <pre>
 * PROJECTION a, (b + 1) AS x
 * └─ HASH_JOIN INNER | ON a = y
 *    ├─ TABLE_SCAN t | (a, b)
 *    └─ TABLE_SCAN u | (y)
 * </pre>
 */
public final class PlanPrinter {
    private PlanPrinter() {}

    public static String print(PhysicalOperator root) {
        StringBuilder b = new StringBuilder();
        print(root, "", "", b);
        return b.toString();
    }

    private static void print(PhysicalOperator op, String first, String rest, StringBuilder b) {
        b.append(first).append(line(op)).append('\n');
        List<PhysicalOperator> children = op.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            print(children.get(i), rest + (last ? "└─ " : "├─ "), rest + (last ? "   " : "│  "), b);
        }
    }

    private static String line(PhysicalOperator op) {
        List<String> details = op.details();
        if (details.isEmpty()) return op.name();
        return op.name() + " " + String.join(" | ", details);
    }
}

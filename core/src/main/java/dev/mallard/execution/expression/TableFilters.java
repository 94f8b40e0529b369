package dev.mallard.execution.expression;

import dev.mallard.storage.DataTable;
import dev.mallard.storage.TableFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks out the conjuncts of a scan's pushed-down filter that storage can test against zone maps
 * ({@link TableFilter}): a column compared with a constant ({@code =, <>, <, <=, >, >=}, so also
 * both halves of BETWEEN), a column in a constant IN list, IS [NOT] NULL. Everything else (casts
 * of the column, functions, OR, NOT) is left out; leaving a conjunct out only means skipping less.
 *
 * <p>A comparison qualifies on the terms {@link ComparisonSelect} runs it on (operands of one type
 * and a physical type it supports), so the zone map orders values exactly as the filter compares
 * them. Its outcome mask carries over as it is: both use bit 0 for less, 1 for equal, 2 for greater.
 */
public final class TableFilters {
    private TableFilters() {}

    /**
     * The table filters among {@code conjuncts}, which refer to the scan's output columns;
     * {@code columns} maps them to table columns ({@link DataTable#ROW_ID} for row ids).
     */
    public static List<TableFilter> of(List<ResolvedExpr> conjuncts, int[] columns) {
        List<TableFilter> out = new ArrayList<>();
        for (ResolvedExpr conjunct : conjuncts) {
            TableFilter f = of(conjunct, columns);
            if (f != null) out.add(f);
        }
        return List.copyOf(out);
    }

    private static TableFilter of(ResolvedExpr e, int[] columns) {
        return switch (e) {
            case ResolvedExpr.Call c when c.args().size() == 2 && ComparisonSelect.mask(c.function().name()) >= 0
                    && c.args().get(0).type().equals(c.args().get(1).type())
                    && ComparisonSelect.supports(c.args().get(0).type().physicalType()) -> {
                int mask = ComparisonSelect.mask(c.function().name());
                if (column(c.args().get(0), columns) >= 0 && constant(c.args().get(1)) != null) {
                    yield new TableFilter.Comparison(column(c.args().get(0), columns), mask, constant(c.args().get(1)));
                }
                if (column(c.args().get(1), columns) >= 0 && constant(c.args().get(0)) != null) {
                    yield new TableFilter.Comparison(column(c.args().get(1), columns), ComparisonSelect.flip(mask), constant(c.args().get(0)));
                }
                yield null;
            }
            case ResolvedExpr.InList in when !in.negated() && column(in.value(), columns) >= 0
                    && ComparisonSelect.supports(in.value().type().physicalType()) -> {
                List<Object> values = new ArrayList<>();
                for (ResolvedExpr item : in.list()) {
                    if (!(item instanceof ResolvedExpr.Constant k) || !k.type().equals(in.value().type())) yield null;
                    if (k.value() != null) values.add(k.value()); // NULL never makes a row pass
                }
                yield new TableFilter.InList(column(in.value(), columns), values);
            }
            case ResolvedExpr.IsNull n when column(n.operand(), columns) >= 0 -> new TableFilter.NullTest(column(n.operand(), columns), n.negated());
            default -> null;
        };
    }

    /** The table column {@code e} reads when it is a plain column reference (not the row id), else -1. */
    private static int column(ResolvedExpr e, int[] columns) {
        if (!(e instanceof ResolvedExpr.ColumnRef ref)) return -1;
        int c = columns[ref.index()];
        return c == DataTable.ROW_ID ? -1 : c;
    }

    /** The value of a non-NULL constant, else null. */
    private static Object constant(ResolvedExpr e) {
        return e instanceof ResolvedExpr.Constant k ? k.value() : null;
    }
}

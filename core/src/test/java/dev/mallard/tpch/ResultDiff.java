package dev.mallard.tpch;

import dev.mallard.sqllogictest.ResultTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Compares a query's answer with the oracle's, row by row in order: the same number of columns
 * and rows; exact numbers (integers, decimals) equal by value whatever their scale; floating
 * point numbers within a relative 1e-9 (also when one side is exact and the other is not); text,
 * dates and anything else equal.
 */
public final class ResultDiff {

    static final double RELATIVE_TOLERANCE = 1e-9;

    private ResultDiff() {}

    /** Null when the answers agree, else a description of the first difference. */
    public static String compare(ResultTable expected, ResultTable actual) {
        if (expected.columnCount() != actual.columnCount()) {
            return "column count differs: expected " + expected.columnCount() + " " + names(expected) + ", got "
                    + actual.columnCount() + " " + names(actual);
        }
        int rows = Math.min(expected.rowCount(), actual.rowCount());
        for (int r = 0; r < rows; r++) {
            Object[] e = expected.rows().get(r);
            Object[] a = actual.rows().get(r);
            for (int c = 0; c < e.length; c++) {
                if (!same(e[c], a[c])) {
                    return "row " + (r + 1) + " of " + expected.rowCount() + ", column " + (c + 1) + " ("
                            + expected.columns().get(c).name() + "): expected " + show(e[c]) + ", got " + show(a[c])
                            + "\n  expected row: " + row(e) + "\n  actual row:   " + row(a);
                }
            }
        }
        if (expected.rowCount() != actual.rowCount()) {
            String extra = expected.rowCount() > actual.rowCount()
                    ? "first missing row: " + row(expected.rows().get(rows))
                    : "first extra row: " + row(actual.rows().get(rows));
            return "row count differs: expected " + expected.rowCount() + ", got " + actual.rowCount()
                    + " (the first " + rows + " agree)\n  " + extra;
        }
        return null;
    }

    static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number en && actual instanceof Number an) {
            if (isExact(en) && isExact(an)) {
                return exact(en).compareTo(exact(an)) == 0;
            }
            return close(en.doubleValue(), an.doubleValue());
        }
        if (expected instanceof java.sql.Date d) {
            expected = d.toLocalDate();
        }
        if (actual instanceof java.sql.Date d) {
            actual = d.toLocalDate();
        }
        if (expected instanceof LocalDate || actual instanceof LocalDate) {
            return expected.toString().equals(actual.toString());
        }
        return Objects.equals(expected, actual) || expected.toString().equals(actual.toString());
    }

    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * scale;
    }

    private static boolean isExact(Number n) {
        return n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long || n instanceof Integer
                || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal exact(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            default -> BigDecimal.valueOf(n.longValue());
        };
    }

    private static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        String text = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        return text + " (" + v.getClass().getSimpleName() + ")";
    }

    private static String row(Object[] values) {
        return Arrays.stream(values).map(v -> v == null ? "NULL" : v instanceof BigDecimal d ? d.toPlainString()
                : v.toString()).collect(Collectors.joining(" | "));
    }

    private static String names(ResultTable t) {
        return t.columns().stream().map(ResultTable.Column::name).toList().toString();
    }
}

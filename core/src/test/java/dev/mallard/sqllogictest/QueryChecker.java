package dev.mallard.sqllogictest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a query's result with what its record expects, following DuckDB's runner (which
 * reads SQLite's files too): expected values may be one value per line or one row per line with
 * tab-separated values; a single {@code N values hashing to H} line, a label, or more values than
 * the hash threshold switch to comparing MD5 hashes.
 */
public final class QueryChecker {

    /** Why a result does not match, with both sides rendered for the report. */
    public record Mismatch(String problem, String expected, String actual) {}

    private static final int MAX_ROWS_SHOWN = 25;

    private final Dialect dialect;
    private final boolean booleansAsDigits;

    public QueryChecker(Dialect dialect, boolean booleansAsDigits) {
        this.dialect = dialect;
        this.booleansAsDigits = booleansAsDigits;
    }

    /**
     * @param expected the record's expected lines after variable substitution
     * @param labels hashes seen so far per label in this script; updated
     * @return null when the result matches
     */
    public Mismatch check(Record.Query query, List<String> expected, ResultTable table, int hashThreshold,
            Map<String, String> labels) {
        int columns = table.columnCount();
        List<String> values = ResultRenderer.render(table, dialect, query.types(), booleansAsDigits);
        ResultRenderer.sort(values, columns, query.sort());

        boolean expectedIsHash = expected.size() == 1 && ResultHash.isHashLine(expected.get(0));
        boolean hasLabel = query.label() != null;
        boolean overThreshold = hashThreshold > 0 && values.size() > hashThreshold;
        if (expectedIsHash || hasLabel || overThreshold) {
            String hash = ResultHash.of(values);
            if (hasLabel) {
                String earlier = labels.putIfAbsent(query.label(), hash);
                if (earlier != null && !earlier.equals(hash)) {
                    return new Mismatch("result differs from an earlier query labelled '" + query.label() + "'",
                            earlier, hash + "\n" + show(values, columns));
                }
            }
            if (expectedIsHash) {
                return expected.get(0).equals(hash)
                        ? null
                        : new Mismatch("wrong result hash", expected.get(0), hash + "\n" + show(values, columns));
            }
            if (expected.isEmpty() && hasLabel) {
                return null; // only the label's consistency is checked
            }
        }
        // Only a value comparison checks the type string's length: DuckDB's runner compares hashes
        // and labels whatever the column count (scripts label DESCRIBE output as "query I").
        if (columns != query.types().length()) {
            return new Mismatch("wrong column count: the query type string '" + query.types() + "' has "
                    + query.types().length() + " column(s), the result has " + columns,
                    String.join("\n", expected), show(values, columns));
        }
        return compareValues(expected, values, table);
    }

    private Mismatch compareValues(List<String> expected, List<String> values, ResultTable table) {
        int columns = table.columnCount();
        int rows = table.rowCount();
        if (columns == 0) {
            return new Mismatch("the statement returned no result", String.join("\n", expected), "");
        }
        // One row per line when the line count equals the row count (several columns) or every
        // line holds a tab; otherwise one value per line.
        boolean rowWise = columns > 1 && expected.size() == rows;
        if (!rowWise && !expected.isEmpty()) {
            rowWise = expected.stream().allMatch(l -> l.indexOf('\t') >= 0);
        }
        List<String> expectedValues;
        if (rowWise) {
            expectedValues = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                List<String> parts = splitRow(expected.get(i));
                if (parts.size() != columns) {
                    return new Mismatch("expected row " + (i + 1) + " has " + parts.size()
                            + " tab-separated value(s), the result has " + columns + " column(s)",
                            String.join("\n", expected), show(values, columns));
                }
                expectedValues.addAll(parts);
            }
        } else {
            if (expected.size() % columns != 0) {
                return new Mismatch("wrong result: " + expected.size() + " expected value(s) do not fill "
                        + columns + " column(s); the result has " + rows + " row(s)",
                        String.join("\n", expected), show(values, columns));
            }
            expectedValues = expected;
        }
        int expectedRows = expectedValues.size() / columns;
        if (expectedRows != rows) {
            return new Mismatch("wrong row count: expected " + expectedRows + ", got " + rows,
                    show(expectedValues, columns), show(values, columns));
        }
        for (int i = 0; i < values.size(); i++) {
            int c = i % columns;
            ResultTable.Column column = table.columns().get(c);
            String actual = values.get(i);
            String wanted = expectedValues.get(i);
            boolean same = dialect == Dialect.SQLITE
                    ? actual.equals(wanted)
                    : ValueComparator.matches(actual, wanted, ColumnKind.of(column), column.scale());
            if (!same) {
                return new Mismatch("wrong result at row " + (i / columns + 1) + ", column " + (c + 1)
                        + " (" + column.name() + "): expected '" + wanted + "', got '" + actual + "'",
                        show(expectedValues, columns), show(values, columns));
            }
        }
        return null;
    }

    /**
     * The tab-separated values of an expected row. Empty fields are dropped, as DuckDB's runner
     * does (an empty string is written {@code (empty)}, so an empty field is a stray tab).
     */
    static List<String> splitRow(String line) {
        List<String> parts = new ArrayList<>();
        for (String part : line.split("\t")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            parts.add(line);
        }
        return parts;
    }

    /** Values as tab-separated rows, at most {@value #MAX_ROWS_SHOWN} of them. */
    static String show(List<String> values, int columns) {
        if (columns <= 0) {
            return String.join("\n", values);
        }
        StringBuilder sb = new StringBuilder();
        int rows = (values.size() + columns - 1) / columns;
        for (int r = 0; r < rows && r < MAX_ROWS_SHOWN; r++) {
            if (r > 0) {
                sb.append('\n');
            }
            sb.append(String.join("\t", values.subList(r * columns, Math.min(values.size(), (r + 1) * columns))));
        }
        if (rows > MAX_ROWS_SHOWN) {
            sb.append("\n... (").append(rows - MAX_ROWS_SHOWN).append(" more rows, ").append(rows).append(" in all)");
        }
        if (rows == 0) {
            sb.append("(no rows)");
        }
        return sb.toString();
    }
}

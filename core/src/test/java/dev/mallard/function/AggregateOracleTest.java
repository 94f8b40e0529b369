package dev.mallard.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over the rows of {@code function/aggregate_cases.txt}, in Mallard (split over two
 * states and merged, see {@link AggregateTester}) and in DuckDB, comparing result text and type.
 * A line is {@code name | row ; row ; ... [| constant]}: arguments within a row are separated by
 * {@code " , "}, and an optional constant is passed as the last argument (DuckDB requires the
 * quantile and the string_agg separator to be constants). Prefixes as in {@link DuckDbOracleTest}.
 */
class AggregateOracleTest {
    private static Connection duck;

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    record Case(int line, String name, List<List<String>> rows, String constant, boolean anyType) {}

    @Test
    void matchesDuckDb() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Case c : cases()) {
            String mine = mallard(c);
            String theirs = duckdb(c);
            checked++;
            boolean same = c.anyType ? text(mine).equals(text(theirs)) : mine.equals(theirs) || closeDoubles(mine, theirs);
            if (!same) mismatches.add("line " + c.line + ": " + c.name + " " + c.rows + "\n    mallard: " + mine + "\n    duckdb:  " + theirs);
        }
        assertThat(mismatches).as("mismatches with DuckDB (%d cases checked)", checked).isEmpty();
    }

    /**
     * DOUBLE results may differ in the last bits: states are split and merged here (as threads
     * would), which changes the order of floating-point operations.
     */
    private static boolean closeDoubles(String mine, String theirs) {
        if (!mine.startsWith("DOUBLE ") || !theirs.startsWith("DOUBLE ")) return false;
        try {
            double a = Double.parseDouble(text(mine)), b = Double.parseDouble(text(theirs));
            return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(String outcome) {
        return outcome.startsWith("ERROR") ? "ERROR" : outcome.substring(outcome.indexOf(' ') + 1);
    }

    private static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AggregateOracleTest.class.getResourceAsStream("/function/aggregate_cases.txt"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("[skip]")) continue;
                boolean anyType = t.startsWith("[any-type]");
                if (anyType) t = t.substring(t.indexOf(']') + 1).strip();
                String[] parts = t.split("\\s+\\|\\s+");
                List<List<String>> rows = new ArrayList<>();
                for (String row : parts[1].split("\\s+;\\s+")) rows.add(List.of(row.split("\\s+,\\s+")));
                out.add(new Case(n, parts[0], rows, parts.length > 2 ? parts[2] : null, anyType));
            }
        }
        return out;
    }

    private static String mallard(Case c) {
        try {
            List<List<Values.Typed>> rows = new ArrayList<>();
            for (List<String> row : c.rows) {
                List<Values.Typed> typed = new ArrayList<>();
                for (String v : row) typed.add(FunctionTester.lit(v));
                if (c.constant != null) typed.add(FunctionTester.lit(c.constant));
                rows.add(typed);
            }
            List<LogicalType> types = rows.get(0).stream().map(Values.Typed::type).toList();
            return AggregateTester.show(AggregateTester.aggregate(c.name, types, rows));
        } catch (MallardException e) {
            return "ERROR " + e.getMessage();
        }
    }

    private static String duckdb(Case c) {
        int columns = c.rows.get(0).size();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < columns; k++) names.add("c" + k);
        List<String> values = new ArrayList<>();
        for (List<String> row : c.rows) values.add("(" + String.join(", ", row.stream().map(AggregateOracleTest::literal).toList()) + ")");
        String args = String.join(", ", names) + (c.constant == null ? "" : ", " + literal(c.constant));
        String call = c.name + "(" + args + ")";
        String sql = "SELECT typeof(" + call + "), CAST(" + call + " AS VARCHAR) FROM (VALUES " + String.join(", ", values)
                + ") v(" + String.join(", ", names) + ")";
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            String text = rs.getString(2);
            return rs.getString(1) + " " + (text == null ? "NULL" : text);
        } catch (SQLException e) {
            return "ERROR " + e.getMessage();
        }
    }

    private static String literal(String spec) {
        if (spec.equals("NULL")) return "NULL";
        int space = spec.indexOf(' ');
        String type = space < 0 ? spec : spec.substring(0, space);
        String text = space < 0 ? "" : spec.substring(space + 1);
        if (text.equals("NULL")) return "CAST(NULL AS " + type + ")";
        return "CAST('" + text.replace("'", "''") + "' AS " + type + ")";
    }
}

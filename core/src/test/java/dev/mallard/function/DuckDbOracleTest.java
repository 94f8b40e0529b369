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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of {@code function/duckdb_cases.txt} through Mallard's function library and
 * through DuckDB (in-process, JDBC) and compares the result text (CAST(... AS VARCHAR)), the result
 * type and whether an error was raised. A line is {@code name | arg | arg ...} with typed literals
 * as {@link FunctionTester#lit} reads them; {@code CAST TYPE | arg} and {@code TRY_CAST TYPE | arg}
 * test casts; fields are separated by {@code " | "}. A leading {@code [any-type]} accepts a different
 * result type (documented deviations such as HUGEINT), {@code [error]} skips DuckDB and expects a
 * Mallard error (e.g. integer division by zero), {@code [skip]} marks a documented deviation that
 * is not compared, and {@code #} starts a comment.
 */
class DuckDbOracleTest {
    private static Connection duck;

    /** Operators DuckDB writes infix (or as a keyword form). */
    private static final Map<String, String> INFIX = Map.ofEntries(
            Map.entry("+", "+"), Map.entry("-", "-"), Map.entry("*", "*"), Map.entry("/", "/"), Map.entry("//", "//"),
            Map.entry("%", "%"), Map.entry("^", "^"), Map.entry("=", "="), Map.entry("<>", "<>"), Map.entry("<", "<"),
            Map.entry("<=", "<="), Map.entry(">", ">"), Map.entry(">=", ">="), Map.entry("||", "||"),
            Map.entry("~~", "LIKE"), Map.entry("!~~", "NOT LIKE"), Map.entry("~~*", "ILIKE"), Map.entry("!~~*", "NOT ILIKE"),
            Map.entry("is_distinct_from", "IS DISTINCT FROM"), Map.entry("is_not_distinct_from", "IS NOT DISTINCT FROM"),
            Map.entry("&", "&"), Map.entry("|", "|"), Map.entry("<<", "<<"), Map.entry(">>", ">>"));

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    record Case(int line, String name, List<String> args, boolean anyType, boolean expectError) {}

    record Outcome(String type, String text, String error) {
        boolean failed() {
            return error != null;
        }

        @Override
        public String toString() {
            return failed() ? "ERROR " + error : type + " " + text;
        }
    }

    @Test
    void matchesDuckDb() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Case c : cases()) {
            Outcome mine = mallard(c);
            if (c.expectError) {
                if (!mine.failed()) mismatches.add("line " + c.line + ": expected an error, got " + mine);
                continue;
            }
            Outcome theirs = duckdb(c);
            checked++;
            boolean same = mine.failed() == theirs.failed()
                    && (mine.failed() || mine.text.equals(theirs.text) && (c.anyType || mine.type.equals(theirs.type)));
            if (!same) mismatches.add("line " + c.line + ": " + c.name + " " + c.args + "\n    mallard: " + mine + "\n    duckdb:  " + theirs);
        }
        assertThat(mismatches).as("mismatches with DuckDB (%d cases checked)", checked).isEmpty();
    }

    private static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DuckDbOracleTest.class.getResourceAsStream("/function/duckdb_cases.txt"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (t.startsWith("[skip]")) continue;
                boolean anyType = t.startsWith("[any-type]"), error = t.startsWith("[error]");
                if (anyType || error) t = t.substring(t.indexOf(']') + 1).strip();
                String[] parts = t.split("\\s+\\|\\s+", -1);
                List<String> args = new ArrayList<>(List.of(parts).subList(1, parts.length));
                out.add(new Case(n, parts[0], args, anyType, error));
            }
        }
        return out;
    }

    private static Outcome mallard(Case c) {
        try {
            Values.Typed r;
            if (c.name.startsWith("CAST ") || c.name.startsWith("TRY_CAST ")) {
                boolean tryCast = c.name.startsWith("TRY_CAST ");
                LogicalType to = FunctionTester.type(c.name.substring(c.name.indexOf(' ') + 1).strip());
                Values.Typed in = FunctionTester.lit(c.args.get(0));
                r = new Values.Typed(to, in.value() == null ? null : FunctionTester.cast(in, to, tryCast));
            } else {
                String[] args = c.args.toArray(new String[0]);
                r = FunctionTester.call(c.name, args);
            }
            return new Outcome(duckTypeName(r.type()), r.value() == null ? "NULL" : Values.toText(r.type(), r.value()), null);
        } catch (MallardException e) {
            return new Outcome(null, null, e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome("CRASH", e.toString(), null);
        }
    }

    private static String duckTypeName(LogicalType t) {
        return t.toString();
    }

    private static Outcome duckdb(Case c) {
        String expr = duckExpression(c);
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT typeof(" + expr + "), CAST(" + expr + " AS VARCHAR)")) {
            rs.next();
            String text = rs.getString(2);
            return new Outcome(rs.getString(1), text == null ? "NULL" : text, null);
        } catch (SQLException e) {
            return new Outcome(null, null, e.getMessage());
        }
    }

    private static String duckExpression(Case c) {
        List<String> args = c.args.stream().map(DuckDbOracleTest::duckLiteral).toList();
        if (c.name.startsWith("CAST ") || c.name.startsWith("TRY_CAST ")) {
            int sp = c.name.indexOf(' ');
            return c.name.substring(0, sp) + "(" + args.get(0) + " AS " + c.name.substring(sp + 1) + ")";
        }
        String op = INFIX.get(c.name);
        if (op != null && args.size() == 2) return "(" + args.get(0) + " " + op + " " + args.get(1) + ")";
        if (op != null && args.size() == 3) return "(" + args.get(0) + " " + op + " " + args.get(1) + " ESCAPE " + args.get(2) + ")";
        if (op != null && args.size() == 1) return "(" + op + " " + args.get(0) + ")";
        return c.name + "(" + String.join(", ", args) + ")";
    }

    private static String duckLiteral(String spec) {
        if (spec.equals("NULL")) return "NULL";
        int space = spec.indexOf(' ');
        String type = space < 0 ? spec : spec.substring(0, space);
        String text = space < 0 ? "" : spec.substring(space + 1);
        if (text.equals("NULL")) return "CAST(NULL AS " + type + ")";
        return "CAST('" + text.replace("'", "''") + "' AS " + type + ")";
    }
}

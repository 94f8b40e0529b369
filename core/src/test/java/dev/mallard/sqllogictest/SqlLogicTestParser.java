package dev.mallard.sqllogictest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the sqllogictest format (SQLite's and DuckDB's dialects) into {@link Record}s.
 *
 * <p>Records are separated by blank lines; lines starting with {@code #} are comments. A record's
 * SQL runs until a blank line, a comment line or {@code ----}; expected results (or DuckDB's
 * expected error message) follow {@code ----} up to the next blank line.
 */
public final class SqlLogicTestParser {

    private final String file;
    private final List<String> lines;
    private int pos;
    private boolean sawEndloop;

    private SqlLogicTestParser(String file, String text) {
        this.file = file;
        // Split on \n and drop \r so that files with Windows line ends read the same.
        this.lines = Arrays.stream(text.split("\n", -1)).map(l -> l.replace("\r", "")).toList();
    }

    public static TestScript parse(String file, String text) {
        SqlLogicTestParser parser = new SqlLogicTestParser(file, text);
        List<Record> records = parser.parseRecords(false, 0);
        return new TestScript(file, records);
    }

    private List<Record> parseRecords(boolean inLoop, int loopLine) {
        List<Record> records = new ArrayList<>();
        while (skipToNextRecord()) {
            int line = pos + 1;
            List<String> tokens = tokens(lines.get(pos));
            List<Condition> conditions = new ArrayList<>();
            while (tokens.get(0).equals("skipif") || tokens.get(0).equals("onlyif")) {
                if (tokens.size() < 2) {
                    throw fail(pos + 1, tokens.get(0) + " needs an engine name");
                }
                conditions.add(new Condition(tokens.get(0).equals("onlyif"), tokens.get(1)));
                pos++;
                if (pos >= lines.size() || isBlank(lines.get(pos)) || isComment(lines.get(pos))) {
                    throw fail(pos, tokens.get(0) + " must be followed by a record");
                }
                tokens = tokens(lines.get(pos));
            }
            if (tokens.get(0).equals("endloop")) {
                if (!inLoop) {
                    throw fail(pos + 1, "endloop without loop");
                }
                pos++;
                sawEndloop = true;
                return records;
            }
            Record record = parseCommand(tokens);
            records.add(conditions.isEmpty() ? record : new Record.Guarded(line, conditions, record));
        }
        if (inLoop) {
            throw fail(loopLine, "loop without endloop");
        }
        return records;
    }

    /** Moves to the next line that starts a record; false at the end of the file. */
    private boolean skipToNextRecord() {
        while (pos < lines.size() && (isBlank(lines.get(pos)) || isComment(lines.get(pos)))) {
            pos++;
        }
        return pos < lines.size();
    }

    private Record parseCommand(List<String> tokens) {
        int line = pos + 1;
        String command = tokens.get(0);
        List<String> args = tokens.subList(1, tokens.size());
        return switch (command) {
            case "statement" -> parseStatement(line, args);
            case "query" -> parseQuery(line, args);
            case "hash-threshold" -> {
                pos++;
                if (args.size() != 1) {
                    throw fail(line, "hash-threshold needs one number");
                }
                yield new Record.HashThreshold(line, parseInt(line, args.get(0)));
            }
            case "halt" -> {
                pos++;
                yield new Record.Halt(line);
            }
            case "mode" -> {
                pos++;
                if (args.size() != 1) {
                    throw fail(line, "mode needs one argument");
                }
                yield new Record.Mode(line, args.get(0));
            }
            case "loop", "concurrentloop" -> {
                pos++;
                if (args.size() != 3) {
                    throw fail(line, "expected: loop NAME START END");
                }
                int start = parseInt(line, args.get(1));
                int end = parseInt(line, args.get(2));
                List<List<String>> iterations = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    iterations.add(List.of(Integer.toString(i)));
                }
                yield loop(line, List.of(args.get(0)), iterations);
            }
            case "foreach", "concurrentforeach" -> {
                pos++;
                if (args.size() < 2) {
                    throw fail(line, "expected: foreach NAME VALUE...");
                }
                List<String> variables = List.of(args.get(0).split(","));
                List<List<String>> iterations = new ArrayList<>();
                for (String value : expandForeachValues(args.subList(1, args.size()))) {
                    List<String> parts = variables.size() == 1 ? List.of(value) : List.of(value.split(",", -1));
                    if (parts.size() != variables.size()) {
                        throw fail(line, "foreach value '" + value + "' does not bind every variable");
                    }
                    iterations.add(parts);
                }
                yield loop(line, variables, iterations);
            }
            case "require" -> {
                pos++;
                if (args.isEmpty()) {
                    throw fail(line, "require needs an argument");
                }
                yield new Record.Require(line, args);
            }
            case "require-env" -> {
                pos++;
                if (args.isEmpty() || args.size() > 2) {
                    throw fail(line, "expected: require-env NAME [VALUE]");
                }
                yield new Record.RequireEnv(line, args.get(0), args.size() == 2 ? args.get(1) : null);
            }
            case "set" -> {
                pos++;
                yield new Record.Setting(line, args);
            }
            case "reconnect" -> {
                pos++;
                yield new Record.Reconnect(line);
            }
            case "sleep", "tags", "unzip" -> {
                pos++;
                yield new Record.Ignored(line, String.join(" ", tokens));
            }
            case "load", "restart", "include", "test-env", "continue" -> {
                pos++;
                yield new Record.Unsupported(line, String.join(" ", tokens));
            }
            default -> throw fail(line, "unknown command '" + command + "'");
        };
    }

    private Record.Loop loop(int line, List<String> variables, List<List<String>> iterations) {
        sawEndloop = false;
        List<Record> body = parseRecords(true, line);
        if (!sawEndloop) {
            throw fail(line, "loop without endloop");
        }
        sawEndloop = false;
        return new Record.Loop(line, variables, iterations, body);
    }

    private Record parseStatement(int line, List<String> args) {
        if (args.isEmpty()) {
            throw fail(line, "statement needs ok, error or maybe");
        }
        Record.Expect expect = switch (args.get(0)) {
            case "ok" -> Record.Expect.OK;
            case "error" -> Record.Expect.ERROR;
            case "maybe" -> Record.Expect.MAYBE;
            default -> throw fail(line, "statement needs ok, error or maybe, not '" + args.get(0) + "'");
        };
        String connection = args.size() >= 2 ? args.get(1) : null;
        pos++;
        String sql = readSql();
        if (sql.isEmpty()) {
            throw fail(line, "statement without SQL");
        }
        String expectedError = null;
        if (pos < lines.size() && lines.get(pos).equals("----")) {
            if (expect == Record.Expect.OK) {
                throw fail(pos + 1, "only statement error or maybe can have an expected message");
            }
            pos++;
            expectedError = String.join("\n", readBlock());
        }
        return new Record.Statement(line, expect, sql, expectedError, connection);
    }

    private Record parseQuery(int line, List<String> args) {
        if (args.isEmpty()) {
            throw fail(line, "query needs a type string such as III");
        }
        String types = args.get(0);
        if (!types.chars().allMatch(Character::isLetter)) {
            throw fail(line, "bad query type string '" + types + "'");
        }
        SortMode sort = SortMode.NOSORT;
        String connection = null;
        if (args.size() >= 2) {
            switch (args.get(1)) {
                case "nosort" -> sort = SortMode.NOSORT;
                case "rowsort", "sort" -> sort = SortMode.ROWSORT;
                case "valuesort" -> sort = SortMode.VALUESORT;
                // DuckDB's runner reads any other word in this place as a connection name.
                default -> connection = args.get(1);
            }
        }
        String label = args.size() >= 3 ? args.get(2) : null;
        pos++;
        String sql = readSql();
        if (sql.isEmpty()) {
            throw fail(line, "query without SQL");
        }
        List<String> expected = List.of();
        if (pos < lines.size() && lines.get(pos).equals("----")) {
            pos++;
            expected = readBlock();
        }
        return new Record.Query(line, types.toUpperCase(Locale.ROOT), sort, label, sql, expected, connection);
    }

    /** SQL lines up to a blank line, a comment line or the {@code ----} separator. */
    private String readSql() {
        StringBuilder sql = new StringBuilder();
        while (pos < lines.size()) {
            String l = lines.get(pos);
            if (isBlank(l) || isComment(l) || l.equals("----")) {
                break;
            }
            if (!sql.isEmpty()) {
                sql.append('\n');
            }
            sql.append(l);
            pos++;
        }
        return sql.toString();
    }

    /** Lines up to the next blank line (comment lines included: they may be result values). */
    private List<String> readBlock() {
        List<String> block = new ArrayList<>();
        while (pos < lines.size() && !isBlank(lines.get(pos))) {
            block.add(lines.get(pos));
            pos++;
        }
        return block;
    }

    /** DuckDB's shorthand collections in {@code foreach}, such as {@code <integral>}. */
    private static List<String> expandForeachValues(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String v = value.toLowerCase(Locale.ROOT).trim();
            boolean all = v.equals("<alltypes>");
            boolean numeric = all || v.equals("<numeric>");
            boolean integral = numeric || v.equals("<integral>");
            boolean signed = integral || v.equals("<signed>");
            boolean unsigned = integral || v.equals("<unsigned>");
            boolean collection = false;
            if (signed) {
                out.addAll(List.of("tinyint", "smallint", "integer", "bigint", "hugeint"));
                collection = true;
            }
            if (unsigned) {
                out.addAll(List.of("utinyint", "usmallint", "uinteger", "ubigint", "uhugeint"));
                collection = true;
            }
            if (numeric) {
                out.addAll(List.of("float", "double"));
            }
            if (all) {
                out.addAll(List.of("bool", "interval", "varchar"));
            }
            if (v.equals("<compression>")) {
                out.addAll(List.of("none", "uncompressed", "rle", "bitpacking", "dictionary", "fsst", "alp", "alprd"));
                collection = true;
            }
            if (!collection) {
                out.add(value);
            }
        }
        return out;
    }

    /** Whitespace-separated words of a command line, without a trailing {@code # comment}. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        for (String t : line.trim().split("\\s+")) {
            if (t.startsWith("#")) {
                break;
            }
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) {
            tokens.add("");
        }
        return tokens;
    }

    private int parseInt(int line, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw fail(line, "not a number: '" + s + "'");
        }
    }

    private static boolean isBlank(String line) {
        return line.isBlank();
    }

    private static boolean isComment(String line) {
        return line.startsWith("#");
    }

    private ScriptFormatException fail(int line, String message) {
        return new ScriptFormatException(file, line, message);
    }
}

package dev.mallard.cli;

import dev.mallard.catalog.Catalog;
import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.CatalogScript;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The shell's dot commands ({@code .mode csv}, {@code .tables}, ...), as in sqlite3 and duckdb. */
final class DotCommands {
    static final String HELP = """
            .bail on|off             Stop a script at the first error
            .exit ?CODE?             Exit the shell (also .quit)
            .headers on|off          Show column names in csv, tabs and list modes
            .help                    Show this message
            .maxrows N               Rows shown in box and table modes (0: all)
            .mode ?MODE?             Set (or show) the output mode: box, csv, json, line, list,
                                     markdown, table, tabs
            .nullvalue TEXT          Text shown for NULL
            .once FILE               Write the next result to FILE
            .output ?FILE?           Write results to FILE (no FILE: back to stdout)
            .read FILE               Run the SQL and dot commands in FILE
            .schema ?PATTERN?        Show CREATE statements (of tables matching PATTERN)
            .tables ?PATTERN?        List tables and views (matching PATTERN)
            .timer on|off            Show how long each statement takes
            """;

    /** Widest line .tables fills before wrapping. */
    private static final int TABLES_WIDTH = 80;

    private DotCommands() {}

    /** Runs one dot command line; false when it failed (the error is printed). */
    static boolean run(ShellSession s, String line) {
        List<String> args = tokenize(line.substring(1));
        if (args.isEmpty()) return unknown(s, line);
        String command = args.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = args.subList(1, args.size());
        try {
            return runCommand(s, line, command, rest);
        } catch (NumberFormatException e) {
            s.error("not a number: " + e.getMessage().replaceFirst("^For input string: ", ""));
            return false;
        } finally {
            s.out().flush();
        }
    }

    private static boolean runCommand(ShellSession s, String line, String command, List<String> rest) {
        return switch (command) {
            case "help" -> {
                s.out().print(HELP);
                yield true;
            }
            case "quit", "exit" -> {
                s.requestExit(rest.isEmpty() ? null : Integer.parseInt(rest.get(0)));
                yield true;
            }
            case "mode" -> mode(s, rest);
            case "headers", "header" -> onOff(s, rest, s::setHeaders);
            case "timer" -> onOff(s, rest, s::setTimer);
            case "bail" -> onOff(s, rest, s::setBail);
            case "nullvalue" -> {
                if (rest.size() != 1) yield usage(s, ".nullvalue TEXT");
                s.setNullValue(rest.get(0));
                yield true;
            }
            case "maxrows" -> {
                if (rest.size() != 1) yield usage(s, ".maxrows N");
                int n = Integer.parseInt(rest.get(0));
                if (n < 0) yield usage(s, ".maxrows N (N >= 0)");
                s.setMaxRows(n);
                yield true;
            }
            case "tables" -> tables(s, rest);
            case "schema" -> schema(s, rest);
            case "read" -> read(s, rest);
            case "output" -> output(s, rest, false);
            case "once" -> output(s, rest, true);
            default -> unknown(s, line);
        };
    }

    private static boolean unknown(ShellSession s, String line) {
        s.error("unknown command or invalid arguments: \"" + line.strip() + "\". Enter \".help\" for help");
        return false;
    }

    private static boolean usage(ShellSession s, String usage) {
        s.error("usage: " + usage);
        return false;
    }

    private static boolean mode(ShellSession s, List<String> args) {
        if (args.isEmpty()) {
            s.out().println("current output mode: " + s.mode().displayName());
            return true;
        }
        OutputMode m = OutputMode.parse(args.get(0));
        if (m == null) return usage(s, ".mode box|csv|json|line|list|markdown|table|tabs");
        s.setMode(m);
        return true;
    }

    private static boolean onOff(ShellSession s, List<String> args, java.util.function.Consumer<Boolean> setter) {
        if (args.size() == 1) {
            switch (args.get(0).toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes", "1" -> {
                    setter.accept(true);
                    return true;
                }
                case "off", "false", "no", "0" -> {
                    setter.accept(false);
                    return true;
                }
                default -> { }
            }
        }
        return usage(s, "on|off");
    }

    private static boolean tables(ShellSession s, List<String> args) {
        Pattern filter = args.isEmpty() ? null : CatalogScript.like(args.get(0));
        List<String> names = new ArrayList<>();
        for (CatalogEntry e : s.context().catalog().entries()) {
            String name = e.schema().equalsIgnoreCase(Catalog.DEFAULT_SCHEMA) ? e.name() : e.schema() + "." + e.name();
            if (filter == null || filter.matcher(e.name()).matches()) names.add(name);
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        printColumns(s.out(), names);
        return true;
    }

    /** Names in as many columns as fit, filled top to bottom (as sqlite3's .tables does). */
    static void printColumns(PrintStream out, List<String> names) {
        if (names.isEmpty()) return;
        int width = 0;
        for (String n : names) width = Math.max(width, TextWidth.of(n));
        width += 2;
        int columns = Math.max(1, TABLES_WIDTH / width);
        int rows = (names.size() + columns - 1) / columns;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                int i = c * rows + r;
                if (i >= names.size()) break;
                line.append(TextWidth.padRight(names.get(i), width));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        out.print(sb);
    }

    private static boolean schema(ShellSession s, List<String> args) {
        if (args.size() > 1) return usage(s, ".schema ?PATTERN?");
        for (String stmt : CatalogScript.statements(s.context().catalog(), args.isEmpty() ? null : args.get(0))) {
            s.out().println(stmt);
        }
        return true;
    }

    private static boolean read(ShellSession s, List<String> args) {
        if (args.size() != 1) return usage(s, ".read FILE");
        Path file = Path.of(args.get(0));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ScriptRunner.run(reader, s);
        } catch (IOException e) {
            s.error("cannot read \"" + file + "\": " + e.getMessage());
            return false;
        }
    }

    private static boolean output(ShellSession s, List<String> args, boolean once) {
        if (args.size() > 1 || once && args.isEmpty()) return usage(s, once ? ".once FILE" : ".output ?FILE?");
        if (args.isEmpty() || !once && args.get(0).equals("stdout")) {
            s.redirect(null);
            return true;
        }
        try {
            PrintStream file = new PrintStream(new FileOutputStream(args.get(0)), false, StandardCharsets.UTF_8);
            if (once) s.redirectOnce(file);
            else s.redirect(file);
            return true;
        } catch (FileNotFoundException e) {
            s.error("cannot write to \"" + args.get(0) + "\": " + e.getMessage());
            return false;
        }
    }

    /** Splits arguments at spaces; 'single' or "double" quotes keep spaces in one argument. */
    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                if (cur == null) cur = new StringBuilder();
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (cur != null) out.add(cur.toString());
                cur = null;
            } else {
                if (cur == null) cur = new StringBuilder();
                cur.append(c);
            }
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }
}

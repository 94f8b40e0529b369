package dev.mallard.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell's command line: {@code mallard [OPTIONS] [DATABASE [SQL]]}, sqlite3/duckdb style.
 *
 * @param database a database file, or null / {@code :memory:} for an in-memory database
 * @param commands SQL or dot commands from {@code -c} (and a SQL argument after DATABASE), run in order
 */
record ShellArguments(String database, List<String> commands, OutputMode mode, Boolean headers, String nullValue,
                      boolean bail, boolean readOnly, boolean help, boolean version) {

    static final String USAGE = """
            Usage: mallard [OPTIONS] [DATABASE [SQL]]
            DATABASE is a database file (created if missing) or :memory: (the default).
            Without SQL or -c, reads SQL from stdin:
            interactively with a prompt on a terminal, as a script otherwise.
            Options:
              -c SQL          run SQL (statements or a dot command) and exit
              -box -csv -json -line -list -markdown -table -tabs
                              set the output mode
              -header         show column names (csv, tabs, list)
              -noheader       hide column names (csv, tabs, list)
              -nullvalue TEXT text shown for NULL
              -bail           stop at the first error
              -readonly       open the database file read-only
              -version        show the version and exit
              -help           show this message and exit
            """;

    /** @throws IllegalArgumentException for an unknown option or a missing option value */
    static ShellArguments parse(String[] args) {
        String database = null;
        List<String> commands = new ArrayList<>();
        OutputMode mode = null;
        Boolean headers = null;
        String nullValue = null;
        boolean bail = false;
        boolean readOnly = false;
        boolean help = false;
        boolean version = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") && a.length() > 1) {
                String opt = a.startsWith("--") ? a.substring(2) : a.substring(1);
                OutputMode m = OutputMode.parse(opt);
                if (m != null) {
                    mode = m;
                    continue;
                }
                switch (opt) {
                    case "c", "cmd", "s" -> commands.add(value(args, ++i, a));
                    case "header", "headers" -> headers = true;
                    case "noheader", "noheaders" -> headers = false;
                    case "nullvalue" -> nullValue = value(args, ++i, a);
                    case "bail" -> bail = true;
                    case "readonly", "read-only" -> readOnly = true;
                    case "help", "h" -> help = true;
                    case "version" -> version = true;
                    default -> throw new IllegalArgumentException("unknown option: " + a);
                }
            } else {
                positional.add(a);
            }
        }
        if (positional.size() > 2) throw new IllegalArgumentException("too many arguments: " + positional.subList(2, positional.size()));
        if (!positional.isEmpty()) database = positional.get(0);
        if (positional.size() == 2) commands.add(positional.get(1));
        return new ShellArguments(database, List.copyOf(commands), mode, headers, nullValue, bail, readOnly, help, version);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option " + option + " needs a value");
        return args[i];
    }

    boolean inMemory() {
        return database == null || database.equals(":memory:");
    }
}

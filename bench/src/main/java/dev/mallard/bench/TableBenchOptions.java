package dev.mallard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link TableApiBenchmark}, with the defaults of the documented run. Not
 * {@link BenchOptions}: this benchmark has rows where the others have a scale factor, and no
 * threads, queries or timeout (each engine runs at its default thread count, as its users get it).
 *
 * @param rows the inserted rows and the upsert's table; the upsert writes a tenth as many
 */
record TableBenchOptions(int rows, List<Engine> engines, int runs, String out, List<String> args) {
    static final int DOCUMENTED_ROWS = 1_000_000;
    private static final List<Engine> ENGINES = List.of(Engine.MALLARD, Engine.DUCKDB, Engine.SQLITE);

    static TableBenchOptions parse(String[] args) {
        int rows = DOCUMENTED_ROWS;
        List<Engine> engines = ENGINES;
        int runs = 5;
        String out = "BENCHMARKS.md";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) throw new IllegalArgumentException(args[i] + " needs a value");
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(value.replace("_", "").replace(",", ""));
                case "--engines" -> {
                    List<Engine> chosen = new ArrayList<>();
                    for (String s : value.split(",")) {
                        if (s.isBlank()) continue;
                        Engine e = Engine.valueOf(s.trim().toUpperCase(Locale.ROOT));
                        if (!ENGINES.contains(e)) throw new IllegalArgumentException(e.label + " is not in the table benchmark (mallard, duckdb, sqlite)");
                        chosen.add(e);
                    }
                    engines = chosen;
                }
                case "--runs" -> runs = Integer.parseInt(value);
                case "--out" -> out = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --rows --engines --runs --out)");
            }
            i++;
        }
        if (rows < 1) throw new IllegalArgumentException("--rows must be at least 1");
        return new TableBenchOptions(rows, engines, Math.max(1, runs), out, List.of(args));
    }
}

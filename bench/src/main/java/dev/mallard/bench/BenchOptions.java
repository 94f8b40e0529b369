package dev.mallard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Command-line options of {@link TpchBenchmark}, with the defaults of the documented run. */
record BenchOptions(double scaleFactor, List<Engine> engines, List<Integer> threads, List<Integer> queries, int runs,
        int timeoutSeconds, String out, List<String> args) {

    static BenchOptions parse(String[] args) {
        double sf = 1;
        List<Engine> engines = List.of(Engine.values());
        List<Integer> threads = List.of(1, 2);
        List<Integer> queries = new ArrayList<>();
        for (int q = 1; q <= 22; q++) queries.add(q);
        int runs = 5;
        int timeout = 60;
        String out = "BENCHMARKS.md";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--sf" -> sf = Double.parseDouble(value);
                case "--engines" -> engines = list(value).stream().map(s -> Engine.valueOf(s.toUpperCase(Locale.ROOT))).toList();
                case "--threads" -> threads = list(value).stream().map(Integer::parseInt).toList();
                case "--queries" -> queries = list(value).stream().map(Integer::parseInt).toList();
                case "--runs" -> runs = Integer.parseInt(value);
                case "--timeout" -> timeout = Integer.parseInt(value);
                case "--out" -> out = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --sf --engines --threads --queries --runs --timeout --out)");
            }
            i++;
        }
        // DuckDB's answers are the reference: measure it first when it is in the run.
        List<Engine> ordered = new ArrayList<>(engines);
        if (ordered.remove(Engine.DUCKDB)) ordered.add(0, Engine.DUCKDB);
        return new BenchOptions(sf, ordered, threads, queries, Math.max(1, runs), timeout, out, List.of(args));
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}

package dev.mallard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link TpchBenchmark} and {@link PersistenceBenchmark}, with the
 * defaults of the documented runs. {@code dir} (persistence only) is where the database files
 * go; null means a temporary directory removed at the end.
 */
record BenchOptions(double scaleFactor, List<Engine> engines, List<Integer> threads, List<Integer> queries, int runs,
        int timeoutSeconds, String out, String dir, List<String> args) {

    /** {@code ./benchmark}: every engine, in memory. */
    static BenchOptions parse(String[] args) {
        return parse(args, false);
    }

    /** {@code ./benchmark-persistence}: the engines that have database files. */
    static BenchOptions parsePersistence(String[] args) {
        BenchOptions o = parse(args, true);
        for (Engine e : o.engines()) {
            if (e.fileExtension == null) throw new IllegalArgumentException(e.label + " has no database file in this benchmark");
        }
        return o;
    }

    private static BenchOptions parse(String[] args, boolean persistence) {
        double sf = 1;
        List<Engine> engines = persistence
                ? Arrays.stream(Engine.values()).filter(e -> e.fileExtension != null).toList()
                : List.of(Engine.values());
        List<Integer> threads = List.of(1, 2);
        List<Integer> queries = new ArrayList<>();
        for (int q = 1; q <= 22; q++) queries.add(q);
        int runs = 5;
        int timeout = 60;
        String out = "BENCHMARKS.md";
        String dir = null;
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
                case "--dir" -> {
                    if (!persistence) throw new IllegalArgumentException("--dir is an option of ./benchmark-persistence");
                    dir = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --sf --engines --threads --queries --runs --timeout --out" + (persistence ? " --dir)" : ")"));
            }
            i++;
        }
        // DuckDB's answers are the reference: measure it first when it is in the run.
        List<Engine> ordered = new ArrayList<>(engines);
        if (ordered.remove(Engine.DUCKDB)) ordered.add(0, Engine.DUCKDB);
        return new BenchOptions(sf, ordered, threads, queries, Math.max(1, runs), timeout, out, dir, List.of(args));
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}

package dev.mallard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link TpchBenchmark}, {@link PersistenceBenchmark},
 * {@link FileBenchmark} and {@link JavaDataBenchmark}, with the defaults of the documented runs. {@code dir} is where the
 * persistence benchmark's database files go (null: a temporary directory removed at the end) or
 * where the file benchmark keeps its generated CSV and Parquet files; {@code ./benchmark} has none.
 */
record BenchOptions(double scaleFactor, List<Engine> engines, List<Integer> threads, List<Integer> queries, int runs,
        int timeoutSeconds, String out, String dir, List<String> args) {

    /** Which benchmark the options are for: it decides the defaults and which options exist. */
    private enum Mode { TPCH, PERSISTENCE, FILES, JAVA }

    /** The file benchmark's generated files stay here between runs (under a folder per scale factor). */
    static final String FILES_DIR = "bench/target/tpch-files";

    /** {@code ./benchmark}: every engine, in memory. */
    static BenchOptions parse(String[] args) {
        return parse(args, Mode.TPCH);
    }

    /** {@code ./benchmark-persistence}: the engines that have database files. */
    static BenchOptions parsePersistence(String[] args) {
        return parse(args, Mode.PERSISTENCE);
    }

    /**
     * {@code ./benchmark-files}: the engines that read CSV and Parquet files themselves. Its
     * queries are fixed, so {@code queries} is empty; its timeout is longer by default, since it
     * also bounds an ingest of the whole CSV file.
     */
    static BenchOptions parseFiles(String[] args) {
        return parse(args, Mode.FILES);
    }

    /**
     * {@code ./benchmark-java}: its contenders (Mallard on Java lists, Java Streams, DuckDB on its
     * tables) and queries are fixed, so {@code engines} is DuckDB and Mallard and {@code queries} empty.
     */
    static BenchOptions parseJava(String[] args) {
        return parse(args, Mode.JAVA);
    }

    private static BenchOptions parse(String[] args, Mode mode) {
        double sf = 1;
        List<Engine> engines = switch (mode) {
            case TPCH -> List.of(Engine.values());
            case PERSISTENCE -> Arrays.stream(Engine.values()).filter(e -> e.fileExtension != null).toList();
            case FILES, JAVA -> List.of(Engine.DUCKDB, Engine.MALLARD);
        };
        List<Integer> threads = List.of(1, 2);
        List<Integer> queries = new ArrayList<>();
        for (int q = 1; q <= 22; q++) queries.add(q);
        int runs = 5;
        int timeout = mode == Mode.FILES ? 120 : 60;
        String out = "BENCHMARKS.md";
        String dir = mode == Mode.FILES ? FILES_DIR : null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--sf" -> sf = Double.parseDouble(value);
                case "--engines" -> {
                    if (mode == Mode.JAVA) throw new IllegalArgumentException("./benchmark-java always runs Mallard, Java Streams and DuckDB");
                    engines = list(value).stream().map(s -> Engine.valueOf(s.toUpperCase(Locale.ROOT))).toList();
                }
                case "--threads" -> threads = list(value).stream().map(Integer::parseInt).toList();
                case "--queries" -> {
                    if (mode == Mode.FILES || mode == Mode.JAVA) throw new IllegalArgumentException("this benchmark always runs its four queries");
                    queries = list(value).stream().map(Integer::parseInt).toList();
                }
                case "--runs" -> runs = Integer.parseInt(value);
                case "--timeout" -> timeout = Integer.parseInt(value);
                case "--out" -> out = value;
                case "--dir" -> {
                    if (mode == Mode.TPCH || mode == Mode.JAVA) throw new IllegalArgumentException("--dir is an option of ./benchmark-persistence and ./benchmark-files");
                    dir = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (options: --sf"
                        + (mode == Mode.JAVA ? "" : " --engines") + " --threads" + (mode == Mode.FILES || mode == Mode.JAVA ? "" : " --queries")
                        + " --runs --timeout --out" + (mode == Mode.TPCH || mode == Mode.JAVA ? ")" : " --dir)"));
            }
            i++;
        }
        for (Engine e : engines) {
            if (mode == Mode.PERSISTENCE && e.fileExtension == null) {
                throw new IllegalArgumentException(e.label + " has no database file in this benchmark");
            }
            // The row stores have no read_csv or read_parquet; their own CSV readers would be another benchmark.
            if (mode == Mode.FILES && e != Engine.DUCKDB && e != Engine.MALLARD) {
                throw new IllegalArgumentException(e.label + " does not read CSV and Parquet files in this benchmark");
            }
        }
        if (mode == Mode.FILES || mode == Mode.JAVA) queries = List.of();
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

package dev.mallard.sqllogictest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a whole corpus against a JDBC URL and writes a Markdown summary: files, statements and
 * queries passed, pass rates, the most frequent failure causes, results per directory.
 *
 * <pre>
 * ConformanceReport --corpus sqlite|sqlite-sample|duckdb|DIRECTORY
 *                   [--url jdbc:mallard:] [--out report.md] [--include TEXT]...
 *                   [--passing-out FILE] [--verbose]
 * </pre>
 *
 * {@code --include} keeps only scripts whose name contains one of the texts;
 * {@code --passing-out} writes the names of the passing scripts, one a line, in the format of
 * the ratchet lists under {@code core/src/test/resources/conformance/}. System properties as for
 * the tests ({@link RunnerConfig#fromSystemProperties}) apply. The last line printed is
 * {@code N passed, M failed, K skipped}. The exit code is 0 unless the arguments are wrong.
 */
public final class ConformanceReport {

    private ConformanceReport() {}

    public static void main(String[] args) throws IOException {
        String corpus = null;
        String url = System.getProperty("mallard.test.url", RunnerConfig.DEFAULT_URL);
        Path out = null;
        Path passingOut = null;
        List<String> includes = new ArrayList<>();
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = args[++i];
                case "--url" -> url = args[++i];
                case "--out" -> out = Paths.get(args[++i]);
                case "--include" -> includes.add(args[++i]);
                case "--passing-out" -> passingOut = Paths.get(args[++i]);
                case "--verbose" -> verbose = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (corpus == null) {
            usage("--corpus is required");
            return;
        }
        List<ScriptSource> scripts = switch (corpus.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> Corpora.sqlite();
            case "sqlite-sample" -> SqliteSample.select(Corpora.sqlite());
            case "duckdb" -> Corpora.duckDbCorpusRoot().map(Corpora::directory).orElseThrow(
                    () -> new IllegalStateException("DuckDB corpus not found: set -Dmallard.duckdb.corpus"));
            default -> Corpora.directory(Paths.get(corpus).toAbsolutePath());
        };
        if (!includes.isEmpty()) {
            scripts = scripts.stream().filter(s -> includes.stream().anyMatch(s.name()::contains)).toList();
        }
        if (out == null) {
            out = Paths.get("target", "conformance-" + Paths.get(corpus).getFileName() + ".md");
        }

        RunnerConfig base = RunnerConfig.fromSystemProperties(Dialect.DUCKDB).withUrl(url);
        SqlLogicTestRunner duckRunner = new SqlLogicTestRunner(base);
        SqlLogicTestRunner sqliteRunner = new SqlLogicTestRunner(base.withDialect(Dialect.SQLITE));
        ConformanceSummary summary = new ConformanceSummary();
        long start = System.nanoTime();
        int i = 0;
        for (ScriptSource script : scripts) {
            i++;
            SqlLogicTestRunner runner = script.dialect() == Dialect.SQLITE ? sqliteRunner : duckRunner;
            FileResult result = runner.runWithTimeout(script);
            summary.add(result);
            System.out.printf(Locale.ROOT, "[%d/%d] %-60s %-7s q %d/%d  %d ms%n", i, scripts.size(), script.name(),
                    result.status(), result.queriesPassed(), result.queriesRun(), result.elapsed().toMillis());
            if (verbose && result.status() == FileResult.Status.FAILED) {
                System.out.println(result.describe(3));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String title = "Conformance: " + corpus;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, summary.toMarkdown(title, url, elapsed, 200), StandardCharsets.UTF_8);
        if (passingOut != null) {
            List<String> passing = summary.results().stream().filter(FileResult::passed).map(FileResult::file).toList();
            Files.writeString(passingOut, String.join("\n", passing) + (passing.isEmpty() ? "" : "\n"),
                    StandardCharsets.UTF_8);
        }
        System.out.println("report: " + out.toAbsolutePath());
        System.out.println(summary.counts());
        System.out.println(summary.closingLine());
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ConformanceReport --corpus sqlite|sqlite-sample|duckdb|DIRECTORY [--url URL] "
                + "[--out FILE.md] [--include TEXT]... [--passing-out FILE] [--verbose]");
        System.exit(2);
    }
}
